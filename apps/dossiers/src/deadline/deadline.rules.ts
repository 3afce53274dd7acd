import {
  isWorkingDay,
  officeHours,
  type OfficeHoursPeriod,
  toLocalDate,
  toLocalTime,
  workingDaysBetween,
} from '@motcua/calendar';

/** When a deadline is announced as due soon (versioned, like every rule that may change). */
export type DeadlineWatchPolicy = {
  id: string;
  basis: string;
  dueSoonWithinWorkingHours: number;
  officeHours: readonly OfficeHoursPeriod[];
};

export const DEADLINE_WATCH_POLICY: DeadlineWatchPolicy = {
  id: 'motcua-deadline-watch-1',
  basis:
    'Project policy: warn one working day (8 office hours) ahead; office hours of the Decree 61/2018 baseline (docs/domain.md §3)',
  dueSoonWithinWorkingHours: 8,
  officeHours,
};

export type DeadlineState =
  { state: 'due_soon'; workingHoursLeft: number } | { state: 'overdue' } | { state: 'none' };

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Office hours left from `now` to the end of its local day (0 on a non-working day). */
export function officeHoursLeftToday(now: Date, policy = DEADLINE_WATCH_POLICY): number {
  if (!isWorkingDay(toLocalDate(now))) return 0;
  const minute = minutesOf(toLocalTime(now));
  const left = policy.officeHours.reduce(
    (sum, { from, to }) => sum + Math.max(0, minutesOf(to) - Math.max(minute, minutesOf(from))),
    0,
  );
  return left / 60;
}

/**
 * Working hours left before a deadline at the end of an office day: what is left today plus
 * 8 hours per working day after today up to the deadline's day.
 */
export function workingHoursLeft(now: Date, dueAt: Date, policy = DEADLINE_WATCH_POLICY): number {
  const perDay =
    policy.officeHours.reduce((sum, { from, to }) => sum + (minutesOf(to) - minutesOf(from)), 0) /
    60;
  const days = Math.max(0, workingDaysBetween(toLocalDate(now), toLocalDate(dueAt)));
  return officeHoursLeftToday(now, policy) + perDay * days;
}

/**
 * The date a dossier's deadline is judged against — "on time", "due soon" and "overdue": the legal
 * due date (time limit from receipt or the supplement restart, re-derived after a calendar change),
 * never the date promised after an apology (form 04), which only moves what the applicant is told.
 * Rows from before the legal date was kept fall back to the one date they have. The warning may
 * mention the promised date to the applicant (the event's facts carry both: `dueDate`, `legalDueDate`).
 * Basis: Circular 01/2018 evaluation index 1 ("time allowed by law"); docs/legal-rules.md.
 */
export function governingDueDate(dossier: {
  legalDueAt: Date | null;
  dueAt: Date | null;
}): Date | null {
  return dossier.legalDueAt ?? dossier.dueAt;
}

/** The SQL of `governingDueDate` on the dossier table (the watch's pre-filter uses the same rule). */
export const GOVERNING_DUE_SQL = 'COALESCE(legal_due_at, due_at)';

export function deadlineStateOf(
  now: Date,
  dueAt: Date,
  policy = DEADLINE_WATCH_POLICY,
): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return { state: 'overdue' };
  const left = workingHoursLeft(now, dueAt, policy);
  return left <= policy.dueSoonWithinWorkingHours
    ? { state: 'due_soon', workingHoursLeft: left }
    : { state: 'none' };
}
