import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';

/** Reads of a campaign's work: evaluations and proposals, newest first. */
@Injectable()
export class ReviewReadService {
  constructor(private readonly db: CatalogDatabase) {}

  async evaluations(campaignId: string) {
    const rows = await this.db.procedureEvaluation.findMany({
      where: { campaignId },
      orderBy: { evaluatedAt: 'desc' },
    });
    return rows.map((row) => ({ ...row, evaluatedAt: row.evaluatedAt.toISOString() }));
  }

  async proposals(campaignId: string) {
    const rows = await this.db.simplificationProposal.findMany({
      where: { campaignId },
      orderBy: { proposedAt: 'desc' },
    });
    return rows.map((row) => ({
      ...row,
      savingVnd: Number(row.savingVnd),
      proposedAt: row.proposedAt.toISOString(),
    }));
  }
}
