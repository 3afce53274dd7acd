import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  reviewCampaignClosed,
  reviewCampaignOpened,
  reviewCampaignProgressed,
} from '@motcua/contracts';
import { todayInVietnam } from '@motcua/calendar';
import { UnitOfWork, type EventSink } from '@motcua/messaging';
import { ruleProblem, type FieldViolation } from '@motcua/http';
import { DomainService } from '../domains/domain.service';
import { conflictProblem, notFoundProblem } from '../shared/catalog-problems';
import type { CatalogTx } from '../shared/catalog-tx';
import { isoDateOf } from '../shared/vietnam-date';
import { campaignProgress, isLate, type CampaignCounts } from './review-progress';
import { ReviewRepository } from './review.repository';
import type { CloseCampaign, OpenCampaign } from './review.schemas';

type CampaignRow = NonNullable<Awaited<ReturnType<ReviewRepository['findCampaign']>>>;

/** Đợt rà soát: opening, reading and closing review campaigns, and their progress events. */
@Injectable()
export class ReviewCampaignService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly reviews: ReviewRepository,
    private readonly domains: DomainService,
  ) {}

  open(body: OpenCampaign) {
    return this.uow.run(async (tx, events) => {
      const domain = await this.domains.require(tx, body.domainCode, 'domainCode');
      const { year, domainCode, name } = body;
      const duplicate = await this.reviews.findCampaignNamed(tx, { year, domainCode, name });
      if (duplicate) {
        throw conflictProblem('campaign-exists', 'The campaign already exists', {
          field: 'name',
          rule: 'unique',
          message: `campaign ${duplicate.id} has this name, year and domain`,
        });
      }
      await this.assertInScope(tx, body.procedureCodes, body.domainCode);
      const campaign = await this.reviews.createCampaign(tx, {
        id: randomUUID(),
        name: body.name,
        year: body.year,
        planReference: body.planReference ?? null,
        domainCode: domain.code,
        responsibleUnitCode: body.responsibleUnitCode ?? domain.responsibleUnitCode,
        responsibleUnitName: body.responsibleUnitName ?? domain.responsibleUnitName,
        deadline: new Date(body.deadline),
        procedureCodes: body.procedureCodes,
        isDemo: body.demo ?? false,
      });
      events.publish(reviewCampaignOpened, {
        campaignId: campaign.id,
        occurredAt: campaign.openedAt.toISOString(),
        name: campaign.name,
        year: campaign.year,
        ...(campaign.planReference ? { planReference: campaign.planReference } : {}),
        deadline: body.deadline,
        scopes: [
          {
            domainCode: domain.code,
            domainName: domain.name,
            responsibleUnitCode: campaign.responsibleUnitCode,
            responsibleUnitName: campaign.responsibleUnitName,
            deadline: body.deadline,
            procedureCodes: body.procedureCodes,
          },
        ],
      });
      return this.view(campaign, tx);
    });
  }

  async list() {
    const campaigns = await this.reviews.listCampaigns();
    return Promise.all(campaigns.map((campaign) => this.view(campaign)));
  }

  async get(id: string) {
    return this.view(await this.require(id));
  }

  close(id: string, body: CloseCampaign) {
    return this.uow.run(async (tx, events) => {
      const campaign = await this.requireOpen(tx, id);
      const counts = await this.counts(campaign, tx);
      const closedAt = new Date();
      const totalSavingVnd = await this.reviews.totalSavingVnd(tx, id);
      const reportReference = body.reportReference ?? null;
      const updated = await this.reviews.closeCampaign(tx, id, closedAt, reportReference);
      events.publish(reviewCampaignClosed, {
        campaignId: id,
        occurredAt: closedAt.toISOString(),
        evaluated: counts.evaluated,
        proposals: counts.proposals,
        totalSavingVnd,
        ...(body.reportReference ? { reportReference: body.reportReference } : {}),
        lateDomains: isLate(counts, todayInVietnam(closedAt)) ? [campaign.domainCode] : [],
      });
      return this.view(updated, tx);
    });
  }

  /** The campaign, open (409 when closed, 404 when unknown), locked for the rest of the transaction. */
  async requireOpen(tx: CatalogTx, id: string): Promise<CampaignRow> {
    await this.reviews.lockCampaign(tx, id);
    const campaign = await this.require(id, tx);
    if (campaign.status !== 'open') {
      throw conflictProblem('campaign-closed', 'The campaign is closed', {
        field: 'campaignId',
        rule: 'open-campaign',
        message: `campaign ${id} was closed`,
      });
    }
    return campaign;
  }

  /** Publishes the campaign's progress (after an evaluation or a proposal). */
  async publishProgress(tx: CatalogTx, events: EventSink, campaign: CampaignRow): Promise<void> {
    const counts = await this.counts(campaign, tx);
    const now = new Date().toISOString();
    events.publish(reviewCampaignProgressed, {
      campaignId: campaign.id,
      occurredAt: now,
      asOf: now,
      domains: [{ domainCode: campaign.domainCode, ...counts }],
    });
  }

  private async require(id: string, tx?: CatalogTx): Promise<CampaignRow> {
    const campaign = await this.reviews.findCampaign(id, tx);
    if (!campaign)
      throw notFoundProblem('campaign-not-found', 'No such campaign', {
        field: 'campaignId',
        rule: 'existing-campaign',
        message: `no campaign ${id}`,
      });
    return campaign;
  }

  private async counts(campaign: CampaignRow, tx?: CatalogTx): Promise<CampaignCounts> {
    return {
      deadline: isoDateOf(campaign.deadline),
      inScope: campaign.procedureCodes.length,
      ...(await this.reviews.countWork(campaign.id, tx)),
    };
  }

  private async view(campaign: CampaignRow, tx?: CatalogTx) {
    const { deadline: _deadline, ...rest } = campaign;
    return {
      ...rest,
      deadline: isoDateOf(campaign.deadline),
      progress: campaignProgress(await this.counts(campaign, tx), todayInVietnam()),
    };
  }

  /** Every procedure in scope exists, is in force and belongs to the campaign's domain; all offenders listed. */
  private async assertInScope(tx: CatalogTx, codes: string[], domainCode: string): Promise<void> {
    const found = await this.reviews.proceduresIn(tx, codes);
    const byCode = new Map(found.map((p) => [p.code, p]));
    const errors: FieldViolation[] = [];
    codes.forEach((code, index) => {
      const procedure = byCode.get(code);
      const field = `procedureCodes.${index}`;
      if (procedure?.status !== 'in_force')
        errors.push({
          field,
          rule: 'procedure-in-force',
          message: `procedure ${code} is not in force`,
        });
      else if (procedure.domainCode !== domainCode)
        errors.push({
          field,
          rule: 'same-domain',
          message: `procedure ${code} belongs to domain ${procedure.domainCode}, not ${domainCode}`,
        });
    });
    if (errors.length > 0)
      throw ruleProblem(
        'procedures-out-of-scope',
        'Some procedures cannot be reviewed in this campaign',
        errors,
      );
  }
}
