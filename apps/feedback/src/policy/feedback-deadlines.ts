import {
  calendarVersion,
  endOfOfficeDay,
  explainAppointment,
  isWorkingDay,
  nextWorkingDay,
  toLocalDate,
} from '@motcua/calendar';
import { policyById, policyFor } from './time-limit-policy.constant';
import type { FeedbackStage, FeedbackTimeLimitPolicy } from './time-limit-policy.types';

/**
 * The end of a limit of `workingDays` starting at `start`: the receipt rules of libs/calendar
 * (after office hours or on a day off counts from the next working day; day 1 is the next
 * working day), ending at the close of the office day.
 */
export function limitEnd(start: Date, workingDays: number): Date {
  const { appointmentDate } = explainAppointment({
    receivedAt: start,
    limit: { value: workingDays, unit: 'working_days' },
  });
  return endOfOfficeDay(appointmentDate);
}

export type ReceiptDueDates = {
  policyId: string;
  calendarVersion: string;
  classifyBy: Date;
  firstInfoRequestBy: Date;
  forwardBy: Date;
  answerBy: Date;
};

/**
 * The due dates fixed at receipt, under the policy in force on the local date of receipt. A
 * limit that starts at `latest-forwarding` counts from `latestForwardedAt` when the item was
 * forwarded here (by the Government Office, a ministry or a province), else from receipt.
 */
export function dueDatesAtReceipt(
  receivedAt: Date,
  policy: FeedbackTimeLimitPolicy = policyFor(toLocalDate(receivedAt)),
  latestForwardedAt?: Date,
): ReceiptDueDates {
  const startOf = (stage: FeedbackStage) =>
    policy.limits[stage].from === 'latest-forwarding' && latestForwardedAt
      ? latestForwardedAt
      : receivedAt;
  const end = (stage: FeedbackStage) => limitEnd(startOf(stage), policy.limits[stage].workingDays);
  return {
    policyId: policy.id,
    calendarVersion,
    classifyBy: end('classify'),
    firstInfoRequestBy: end('info_request'),
    forwardBy: end('forward'),
    answerBy: end('answer'),
  };
}

/** Publication due date, counted from the leader's approval. */
export function publishByAfter(approvedAt: Date, policyId: string): Date {
  return limitEnd(approvedAt, policyById(policyId).limits.publish.workingDays);
}

/** Forwarding due date of an outside-authority item, counted from receipt. */
export function forwardByAfter(receivedAt: Date, policyId: string): Date {
  return limitEnd(receivedAt, policyById(policyId).limits.forward.workingDays);
}

/** The last instant at which a deadline counts as "due soon" is announced: within N working days. */
export function dueSoonHorizon(now: Date, policy: FeedbackTimeLimitPolicy): Date {
  let day = toLocalDate(now);
  if (!isWorkingDay(day)) day = nextWorkingDay(day);
  for (let i = 0; i < policy.dueSoonWorkingDays; i += 1) day = nextWorkingDay(day);
  return endOfOfficeDay(day);
}
