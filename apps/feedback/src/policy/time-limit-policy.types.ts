/** Stages of a feedback item that run against a time limit (contracts: feedbackStage). */
export type FeedbackStage = 'classify' | 'info_request' | 'forward' | 'answer' | 'publish';

/**
 * Where a time limit starts counting from:
 * - `received`: the day the item was received (sent) here;
 * - `latest-forwarding`: for an item forwarded here (by the Government Office, a ministry or a
 *   province), the latest forwarding date; for any other item, the day it was received;
 * - `approved`: the leader's approval of the answer (it enters "chờ công khai").
 */
export type LimitStart = 'received' | 'latest-forwarding' | 'approved';

export type StageLimit = { workingDays: number; from: LimitStart; basis: string };

/**
 * The time limits of feedback handling as versioned policy data (docs/domain.md §4): the policy in
 * force on the local date of receipt applies, and its id is stored with the item.
 */
export type FeedbackTimeLimitPolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: string;
  /** Last local date of receipt the policy governs (inclusive); absent: still in force. */
  effectiveTo?: string;
  limits: Record<FeedbackStage, StageLimit>;
  /** A running limit is announced as due soon when it ends within this many working days. */
  dueSoonWorkingDays: number;
};
