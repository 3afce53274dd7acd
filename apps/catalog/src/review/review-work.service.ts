import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  procedureEvaluated,
  simplificationProposed,
  type ProcedureVersion,
} from '@motcua/contracts';
import { ruleProblem, type FieldViolation } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import type { CatalogTx } from '../shared/catalog-tx';
import { compareComplianceCosts } from './compliance-cost';
import { ReviewCampaignService } from './review-campaign.service';
import { ReviewRepository } from './review.repository';
import type { Evaluation, Proposal } from './review.schemas';

/**
 * The work of a campaign: evaluations of procedures in scope on the four criteria, and
 * simplification proposals with their compliance cost (Circular 02/2017 Art. 27).
 */
@Injectable()
export class ReviewWorkService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly campaigns: ReviewCampaignService,
    private readonly reviews: ReviewRepository,
  ) {}

  /** Records (or replaces) the evaluation of a procedure in scope. */
  evaluate(campaignId: string, body: Evaluation, unitCode: string | undefined) {
    return this.uow.run(async (tx, events) => {
      const campaign = await this.campaigns.requireOpen(tx, campaignId);
      const version = await this.versionInScope(tx, campaign.procedureCodes, body.procedureCode);
      const evaluatedBy = unitCode ?? campaign.responsibleUnitCode;
      const evaluatedAt = new Date();
      const data = {
        procedureVersion: version.version,
        evaluatedBy,
        criteria: body.criteria,
        conclusion: body.conclusion,
        evaluatedAt,
      };
      const key = { campaignId, procedureCode: body.procedureCode };
      await this.reviews.storeEvaluation(tx, key, data);
      events.publish(procedureEvaluated, {
        campaignId,
        occurredAt: evaluatedAt.toISOString(),
        procedureCode: body.procedureCode,
        procedureVersion: version.version,
        domainCode: campaign.domainCode,
        evaluatedByUnitCode: evaluatedBy,
        criteria: body.criteria,
        conclusion: body.conclusion,
      });
      await this.campaigns.publishProgress(tx, events, campaign);
      return {
        campaignId,
        procedureCode: body.procedureCode,
        ...data,
        evaluatedAt: evaluatedAt.toISOString(),
      };
    });
  }

  /** Records a simplification proposal; its cuts are checked against the version in force. */
  propose(campaignId: string, body: Proposal) {
    return this.uow.run(async (tx, events) => {
      const campaign = await this.campaigns.requireOpen(tx, campaignId);
      const version = await this.versionInScope(tx, campaign.procedureCodes, body.procedureCode);
      const cuts = cutsOf(body, version);
      const cost = compareComplianceCosts(body.cost.current, body.cost.proposed);
      if (
        cuts.documentsRemoved + cuts.stepsRemoved === 0 &&
        cuts.daysReduced === 0 &&
        cost.savingVnd <= 0
      ) {
        throw ruleProblem('no-simplification', 'The proposal simplifies nothing', [
          {
            field: '(root)',
            rule: 'cuts-something',
            message:
              'a proposal must remove documents or steps, shorten the time limit, or lower the compliance cost',
          },
        ]);
      }
      const id = randomUUID();
      const proposedAt = new Date();
      const complianceCost = {
        current: cost.current,
        proposed: cost.proposed,
        savingVnd: cost.savingVnd,
        savingPercent: cost.savingPercent,
      };
      await this.reviews.createProposal(tx, {
        id,
        campaignId,
        procedureCode: body.procedureCode,
        procedureVersion: version.version,
        proposals: body.proposals,
        cuts: { ...cuts, removedDocumentCodes: body.removedDocumentCodes },
        complianceCost: {
          ...complianceCost,
          perExecutionSavingVnd: cost.perExecutionSavingVnd,
          perExecutionSavingPercent: cost.perExecutionSavingPercent,
        },
        savingVnd: BigInt(cost.savingVnd),
        savingPercent: cost.savingPercent,
        proposedAt,
      });
      events.publish(simplificationProposed, {
        campaignId,
        occurredAt: proposedAt.toISOString(),
        proposalId: id,
        procedureCode: body.procedureCode,
        procedureVersion: version.version,
        proposals: body.proposals,
        cuts,
        complianceCost,
      });
      await this.campaigns.publishProgress(tx, events, campaign);
      return {
        proposalId: id,
        campaignId,
        procedureCode: body.procedureCode,
        procedureVersion: version.version,
        proposals: body.proposals,
        cuts,
        complianceCost: cost,
      };
    });
  }

  /** The version in force of a procedure in the campaign's scope (422 otherwise). */
  private async versionInScope(
    tx: CatalogTx,
    scope: string[],
    code: string,
  ): Promise<ProcedureVersion> {
    if (!scope.includes(code)) {
      throw ruleProblem('procedure-out-of-scope', 'The procedure is not in the campaign', [
        {
          field: 'procedureCode',
          rule: 'in-campaign-scope',
          message: `procedure ${code} is not in the campaign's scope`,
        },
      ]);
    }
    const version = await this.reviews.versionInForce(tx, code);
    if (!version) {
      throw ruleProblem('procedure-not-in-force', 'The procedure is not in force', [
        {
          field: 'procedureCode',
          rule: 'procedure-in-force',
          message: `procedure ${code} is not in force`,
        },
      ]);
    }
    return version.record as ProcedureVersion;
  }
}

/** Cuts in documents, steps and days, each checked against the version in force; all violations at once. */
export function cutsOf(body: Proposal, version: ProcedureVersion) {
  const errors: FieldViolation[] = [];
  const documentCodes = new Set(version.requiredDocuments.map((d) => d.code));
  body.removedDocumentCodes.forEach((code, index) => {
    if (!documentCodes.has(code))
      errors.push({
        field: `removedDocumentCodes.${index}`,
        rule: 'known-document',
        message: `${version.code} has no document ${code}`,
      });
  });
  if (new Set(body.removedDocumentCodes).size !== body.removedDocumentCodes.length) {
    errors.push({
      field: 'removedDocumentCodes',
      rule: 'unique-items',
      message: 'a document is removed only once',
    });
  }
  if (body.stepsRemoved >= version.steps.length) {
    errors.push({
      field: 'stepsRemoved',
      rule: 'keeps-a-step',
      message: `${version.code} has ${version.steps.length} steps; at least one must remain`,
    });
  }
  const proposedLimit = body.proposedTimeLimit ?? version.timeLimit.value;
  if (proposedLimit > version.timeLimit.value) {
    errors.push({
      field: 'proposedTimeLimit',
      rule: 'not-longer',
      message: `the time limit is ${version.timeLimit.value}; a simplification cannot lengthen it`,
    });
  }
  if (errors.length > 0)
    throw ruleProblem('invalid-cuts', 'The proposed cuts do not fit the procedure', errors);
  return {
    documentsRemoved: body.removedDocumentCodes.length,
    stepsRemoved: body.stepsRemoved,
    daysReduced: version.timeLimit.value - proposedLimit,
    daysUnit: version.timeLimit.unit,
  };
}
