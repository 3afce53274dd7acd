import { holidaysOf, toLocalDate, type TimeLimit } from '@motcua/calendar';
import { scheduleFrom, type Schedule, type WorkflowStepInput } from '../schedule/due-dates';

/**
 * After a calendar change (a year's notice, a law adding a day off), the legal due date of an
 * open dossier is re-derived from the same clock start and time limit with the calendar now in
 * force (docs/legal-rules.md, "Calendar changes"):
 * - clock start: the receipt, or the last complete supplement (the clock restarted there);
 * - the re-derived date replaces the legal due date (`legal_due_at`, which governs on-time status
 *   and deadline warnings) of every open dossier, extended or not;
 * - for a dossier never extended it is also the date the applicant is told (`due_at`, equal to it);
 * - a dossier whose date was moved by an apology/extension keeps the promised date (`due_at`: what
 *   the citizen was told in the apology, form 04); only its legal due date moves;
 * - the appointment date printed on the receipt slip stays in the record (`original_due_at`).
 */
export type OpenDossierForRederivation = {
  status: string;
  receivedAt: Date;
  /** The last complete supplement (clock restart), if any. */
  restartedAt: Date | null;
  timeLimit: TimeLimit;
  dueAt: Date | null;
  /** The legal due date (time limit from the clock start); null for rows from before it was kept. */
  legalDueAt?: Date | null;
  calendarVersion: string;
  extensionCount: number;
  steps: readonly WorkflowStepInput[];
};

export type OpenOnTime = 'in_time' | 'overdue';

export type Rederivation =
  | { outcome: 'unchanged'; schedule: Schedule }
  | {
      outcome: 'moved';
      schedule: Schedule;
      /** Extended: the promised date (due_at) stays, only the legal due date moves. */
      promisedDateKept: boolean;
      clockStartedAt: Date;
      onTimeBefore: OpenOnTime;
      onTimeAfter: OpenOnTime;
      daysOffInPeriod: string[];
    };

/** Statuses whose clock runs (a dossier awaiting a supplement gets a fresh date when it resumes). */
export const REDERIVED_STATUSES = ['received', 'processing'] as const;

const onTime = (now: Date, dueAt: Date): OpenOnTime =>
  now.getTime() <= dueAt.getTime() ? 'in_time' : 'overdue';

/**
 * `stagesMoved`: the calendar moved a running inter-agency stage's due date
 * (stage-rederivation.rules.ts); the dossier is then re-derived and announced even when its own
 * date stays.
 */
export function rederive(
  dossier: OpenDossierForRederivation,
  now: Date,
  stagesMoved = false,
): Rederivation {
  const clockStartedAt = dossier.restartedAt ?? dossier.receivedAt;
  const schedule = scheduleFrom(clockStartedAt, dossier.timeLimit, dossier.steps);
  const legalDueAt = dossier.legalDueAt ?? dossier.dueAt;
  if (!stagesMoved && legalDueAt && schedule.dueAt.getTime() === legalDueAt.getTime())
    return { outcome: 'unchanged', schedule };
  const previous = legalDueAt ?? schedule.dueAt;
  return {
    outcome: 'moved',
    schedule,
    promisedDateKept: dossier.extensionCount > 0,
    clockStartedAt,
    onTimeBefore: onTime(now, previous),
    onTimeAfter: onTime(now, schedule.dueAt),
    daysOffInPeriod: daysOffBetween(
      toLocalDate(clockStartedAt),
      maxDate(toLocalDate(previous), schedule.appointmentDate),
    ),
  };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Days off (other than weekends) of the calendar in force with from < day ≤ to. */
export function daysOffBetween(from: string, to: string): string[] {
  const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
  return [...years]
    .flatMap((year) => holidaysOf(year).map((h) => h.date))
    .filter((date) => date > from && date <= to)
    .sort();
}
