import { holidaysOf, toLocalDate } from '@motcua/calendar';
import type { FeedbackStatus } from '../feedback/feedback-status';
import { dueDatesAtReceipt, forwardByAfter, publishByAfter } from '../policy/feedback-deadlines';
import { policyById } from '../policy/time-limit-policy.constant';

/**
 * After a calendar change, the time limits of an open feedback item are re-derived from the same
 * starts and working-day counts of its policy (chosen at receipt) with the calendar now in force,
 * as for dossiers (docs/legal-rules.md, "Calendar changes"):
 * - classify, first information request, answer: from receipt, or from the latest forwarding date
 *   for an item forwarded here (the limits that count from it);
 * - forward (outside-authority items): from receipt; publish (approved items): from the approval;
 * - items whose limits no longer run (refused, forwarded, answered, published) keep the dates they
 *   were judged against.
 */
export const REDERIVED_FEEDBACK_STATUSES: readonly FeedbackStatus[] = [
  'received',
  'to_forward',
  'accepted',
  'assigned',
  'info_requested',
  'approved',
];

export type FeedbackStageDates = {
  classifyBy: Date;
  firstInfoRequestBy: Date;
  answerBy: Date;
  forwardBy: Date | null;
  publishBy: Date | null;
};

export type OpenFeedbackForRederivation = FeedbackStageDates & {
  receivedAt: Date;
  policyId: string;
  /** The latest forwarding date of an item forwarded here (from its receipt record). */
  latestForwardedAt: Date | null;
  approvedAt: Date | null;
};

export type FeedbackRederivation =
  | { outcome: 'unchanged'; dates: FeedbackStageDates }
  | {
      outcome: 'moved';
      dates: FeedbackStageDates;
      previous: FeedbackStageDates;
      daysOffInPeriod: string[];
    };

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export function rederiveFeedback(item: OpenFeedbackForRederivation): FeedbackRederivation {
  const policy = policyById(item.policyId);
  const due = dueDatesAtReceipt(item.receivedAt, policy, item.latestForwardedAt ?? undefined);
  const dates: FeedbackStageDates = {
    classifyBy: due.classifyBy,
    firstInfoRequestBy: due.firstInfoRequestBy,
    answerBy: due.answerBy,
    forwardBy: item.forwardBy ? forwardByAfter(item.receivedAt, item.policyId) : null,
    publishBy:
      item.publishBy && item.approvedAt
        ? publishByAfter(item.approvedAt, item.policyId)
        : item.publishBy,
  };
  const previous: FeedbackStageDates = {
    classifyBy: item.classifyBy,
    firstInfoRequestBy: item.firstInfoRequestBy,
    answerBy: item.answerBy,
    forwardBy: item.forwardBy,
    publishBy: item.publishBy,
  };
  const keys = Object.keys(dates) as (keyof FeedbackStageDates)[];
  if (keys.every((k) => same(dates[k], previous[k]))) return { outcome: 'unchanged', dates };
  const from = toLocalDate(item.receivedAt);
  const latest = [...keys.map((k) => dates[k]), ...keys.map((k) => previous[k])]
    .filter((d): d is Date => d !== null)
    .map((d) => toLocalDate(d))
    .sort()
    .at(-1)!;
  return { outcome: 'moved', dates, previous, daysOffInPeriod: daysOffBetween(from, latest) };
}

/** Days off (other than weekends) of the calendar in force with from < day ≤ to. */
export function daysOffBetween(from: string, to: string): string[] {
  const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  return [...years]
    .flatMap((year) => holidaysOf(year).map((h) => h.date))
    .filter((date) => date > from && date <= to)
    .sort();
}
