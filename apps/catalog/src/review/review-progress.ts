import { daysBetween } from '../shared/vietnam-date';

export type CampaignCounts = {
  deadline: string;
  inScope: number;
  evaluated: number;
  proposals: number;
};

export type CampaignProgress = CampaignCounts & {
  asOf: string;
  /** Calendar days left until the deadline (negative once it has passed). */
  daysLeft: number;
  /** Share of the procedures in scope already evaluated, percent with two decimals. */
  evaluatedPercent: number;
  /** The deadline has passed and some procedure in scope is not evaluated. */
  overdue: boolean;
};

/** Progress of a campaign against its deadline, as of a date (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
export function campaignProgress(counts: CampaignCounts, asOf: string): CampaignProgress {
  const daysLeft = daysBetween(asOf, counts.deadline);
  return {
    ...counts,
    asOf,
    daysLeft,
    evaluatedPercent:
      counts.inScope === 0 ? 0 : Math.round((counts.evaluated / counts.inScope) * 10_000) / 100,
    overdue: daysLeft < 0 && counts.evaluated < counts.inScope,
  };
}

/**
 * A domain is late when its campaign closes after the deadline, or closes with procedures
 * in scope that were never evaluated.
 */
export function isLate(counts: CampaignCounts, closedOn: string): boolean {
  return closedOn > counts.deadline || counts.evaluated < counts.inScope;
}
