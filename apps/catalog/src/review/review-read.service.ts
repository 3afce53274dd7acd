import { Injectable } from '@nestjs/common';
import { ReviewRepository } from './review.repository';

/** Reads of a campaign's work: evaluations and proposals, newest first. */
@Injectable()
export class ReviewReadService {
  constructor(private readonly reviews: ReviewRepository) {}

  async evaluations(campaignId: string) {
    const rows = await this.reviews.evaluations(campaignId);
    return rows.map((row) => ({ ...row, evaluatedAt: row.evaluatedAt.toISOString() }));
  }

  async proposals(campaignId: string) {
    const rows = await this.reviews.proposals(campaignId);
    return rows.map((row) => ({
      ...row,
      savingVnd: Number(row.savingVnd),
      proposedAt: row.proposedAt.toISOString(),
    }));
  }
}
