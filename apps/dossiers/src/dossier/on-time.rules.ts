import type { DossierStatus } from './dossier-status';

/**
 * Đúng hạn / trễ hạn: finish = first of processed, result returned, stopped or refused; on time
 * when finish ≤ the LEGAL due date (the procedure's time limit from receipt or from the supplement
 * restart). An apology's promised date (form 04) never makes a late dossier on time: it is what the
 * applicant is told, not the measure (Circular 01/2018 evaluation index 1 compares with the time
 * allowed by law). The applicant's supplementation time is not counted against the agency: a
 * complete supplement restarts the clock with a new legal due date, and while the clock is stopped
 * the dossier is never overdue.
 */
export type OnTimeStatus =
  | 'on_time' // finished on or before the due date
  | 'late' // finished after the due date
  | 'in_time' // not finished, due date not passed (or clock stopped for a supplement)
  | 'overdue' // not finished, due date passed
  | 'not_applicable'; // never received, or withdrawn by the applicant before a finish

export type OnTimeInput = {
  status: DossierStatus;
  /** The legal due date (hạn giải quyết theo quy định), not the promised date. */
  legalDueAt: Date | null;
  /** First finishing instant (processed, result returned, stopped, refused), if any. */
  finishedAt: Date | null;
  now: Date;
};

export function onTimeStatusOf(input: OnTimeInput): OnTimeStatus {
  const { status, legalDueAt: dueAt, finishedAt, now } = input;
  if (!dueAt) return 'not_applicable';
  if (finishedAt) return finishedAt.getTime() <= dueAt.getTime() ? 'on_time' : 'late';
  switch (status) {
    case 'not_received':
    case 'intake_supplement':
    case 'withdrawn':
      return 'not_applicable';
    case 'supplement_requested':
      return 'in_time';
    case 'received':
    case 'processing':
    case 'processed':
    case 'result_returned':
    case 'refused':
    case 'stopped':
      return now.getTime() <= dueAt.getTime() ? 'in_time' : 'overdue';
    default: {
      const unreachable: never = status;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
}
