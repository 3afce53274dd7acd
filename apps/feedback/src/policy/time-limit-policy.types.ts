/** Stages of a feedback item that run against a time limit (contracts: feedbackStage). */
export type FeedbackStage = 'classify' | 'info_request' | 'forward' | 'answer' | 'publish';

/** Where a time limit starts counting from. */
export type LimitStart = 'received' | 'approved';

export type StageLimit = { workingDays: number; from: LimitStart; basis: string };

/**
 * The time limits of feedback handling as versioned policy data (DOMAIN.md §4): the policy in
 * force on the local date of receipt applies, and its id is stored with the item.
 */
export type FeedbackTimeLimitPolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  limits: Record<FeedbackStage, StageLimit>;
  /** A running limit is announced as due soon when it ends within this many working days. */
  dueSoonWorkingDays: number;
};
