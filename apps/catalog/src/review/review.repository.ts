import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';
import type { Prisma } from '../generated/prisma/client';
import type { CatalogTx } from '../shared/catalog-tx';

type CampaignReader = Pick<CatalogTx, 'reviewCampaign'>;
type WorkReader = Pick<CatalogTx, 'procedureEvaluation' | 'simplificationProposal'>;

/** Queries on review campaigns (đợt rà soát), their evaluations and simplification proposals. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly db: CatalogDatabase) {}

  findCampaign(id: string, reader: CampaignReader = this.db) {
    return reader.reviewCampaign.findUnique({ where: { id } });
  }

  findCampaignNamed(tx: CatalogTx, key: { year: number; domainCode: string; name: string }) {
    return tx.reviewCampaign.findUnique({ where: { year_domainCode_name: key } });
  }

  createCampaign(tx: CatalogTx, data: Prisma.ReviewCampaignUncheckedCreateInput) {
    return tx.reviewCampaign.create({ data });
  }

  /** Every campaign, newest year first. */
  listCampaigns() {
    return this.db.reviewCampaign.findMany({ orderBy: [{ year: 'desc' }, { domainCode: 'asc' }] });
  }

  /** Locks the campaign for the rest of the transaction. */
  async lockCampaign(tx: CatalogTx, id: string): Promise<void> {
    await tx.$queryRawUnsafe(`SELECT id FROM review_campaign WHERE id = $1::uuid FOR UPDATE`, id);
  }

  closeCampaign(tx: CatalogTx, id: string, closedAt: Date, reportReference: string | null) {
    return tx.reviewCampaign.update({
      where: { id },
      data: { status: 'closed', closedAt, reportReference },
    });
  }

  /** The sum of the savings of each procedure's latest proposal in the campaign. */
  async totalSavingVnd(tx: CatalogTx, campaignId: string): Promise<number> {
    const rows = await tx.$queryRawUnsafe<{ total: string | null }[]>(
      `SELECT SUM(saving_vnd)::text AS total FROM (
         SELECT DISTINCT ON (procedure_code) saving_vnd FROM simplification_proposal
         WHERE campaign_id = $1::uuid ORDER BY procedure_code, proposed_at DESC) latest`,
      campaignId,
    );
    return Number(rows[0]?.total ?? 0);
  }

  async countWork(
    campaignId: string,
    reader: WorkReader = this.db,
  ): Promise<{ evaluated: number; proposals: number }> {
    const evaluated = await reader.procedureEvaluation.count({ where: { campaignId } });
    const proposals = await reader.simplificationProposal.count({ where: { campaignId } });
    return { evaluated, proposals };
  }

  /** The status and domain of each of these procedures the catalog knows. */
  proceduresIn(tx: CatalogTx, codes: string[]) {
    return tx.procedure.findMany({
      where: { code: { in: codes } },
      select: { code: true, status: true, domainCode: true },
    });
  }

  /** The version in force of a procedure; null when it is not in force. */
  async versionInForce(tx: CatalogTx, code: string) {
    const procedure = await tx.procedure.findUnique({ where: { code } });
    return procedure?.status === 'in_force' && procedure.currentVersion
      ? tx.procedureVersion.findUnique({
          where: {
            procedureId_version: { procedureId: procedure.id, version: procedure.currentVersion },
          },
        })
      : null;
  }

  /** Records the evaluation of a procedure in a campaign, replacing an earlier one. */
  async storeEvaluation(
    tx: CatalogTx,
    key: { campaignId: string; procedureCode: string },
    data: Omit<Prisma.ProcedureEvaluationUncheckedCreateInput, 'campaignId' | 'procedureCode'>,
  ): Promise<void> {
    await tx.procedureEvaluation.upsert({
      where: { campaignId_procedureCode: key },
      create: { ...key, ...data },
      update: data,
    });
  }

  async createProposal(
    tx: CatalogTx,
    data: Prisma.SimplificationProposalUncheckedCreateInput,
  ): Promise<void> {
    await tx.simplificationProposal.create({ data });
  }

  /** A campaign's evaluations, newest first. */
  evaluations(campaignId: string) {
    return this.db.procedureEvaluation.findMany({
      where: { campaignId },
      orderBy: { evaluatedAt: 'desc' },
    });
  }

  /** A campaign's proposals, newest first. */
  proposals(campaignId: string) {
    return this.db.simplificationProposal.findMany({
      where: { campaignId },
      orderBy: { proposedAt: 'desc' },
    });
  }
}
