import {
  addWorkingHours,
  explainAppointment,
  workingHoursBetween,
  type TimeLimit,
} from '@motcua/calendar';
import type { InterAgencyChain } from '@motcua/contracts';
import {
  initialStageSteps,
  pauseStageSteps,
  scheduleStageSteps,
  shareOfLimit,
  stageStepsOf,
} from './stage-steps.rules';

/**
 * Một cửa liên thông (docs/domain.md glossary; docs/dossiers.md "Inter-agency stages"): the clocks
 * of an inter-agency dossier's stages. Pure rules; the transitions write what they decide.
 *
 * - Stages of one order run in parallel; the next order starts when every stage of the current
 *   order has handed back. The first order starts at receipt (the procedure's time limit runs
 *   from receipt).
 * - A stage's legal due date is its share of the procedure's time limit, in the procedure's unit,
 *   from when it started, by the receipt rules of libs/calendar (after office hours counts from the
 *   next working day; day shares rounded up to whole days, at least one).
 * - The time a stage took is the office hours of working days from its start to its hand-back,
 *   less the time the dossier awaited the applicant's supplement while the stage ran; it is on
 *   time when it handed back no later than its legal due date.
 */

export const STAGE_STATUSES = ['waiting', 'transferred', 'accepted', 'handed_back'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** What the stage rules read of a stage row. */
export type StageState = {
  order: number;
  agencyCode: string;
  external: boolean;
  share: number;
  status: string;
  startedAt: Date | null;
  legalDueAt: Date | null;
  suspendedHours: number;
  /** Set while the supplement this stage's agency asked for is awaited (absent: not asked). */
  supplementRequestedAt?: Date | null;
  /** The stage's internal steps (stage-steps.rules.ts), as stored (JSON). */
  steps?: unknown;
  /** Where its clock counts from (start or restart); null: unknown (rows stored before it was kept). */
  clockStartedAt?: Date | null;
  /** The waits that paused its clock since then, as stored (JSON `[{from, to}]`). */
  clockPauses?: unknown;
};

/** A wait that paused a stage's clock (another agency's supplement), ISO instants. */
export type ClockPause = { from: string; to: string };

/** The stored JSON of a stage's clock pauses, read back. */
export function clockPausesOf(stage: { clockPauses?: unknown }): ClockPause[] {
  return Array.isArray(stage.clockPauses) ? (stage.clockPauses as ClockPause[]) : [];
}

/** The order now running: the lowest with a stage not handed back (undefined when all handed back). */
export function currentOrderOf(stages: readonly Pick<StageState, 'order' | 'status'>[]) {
  const open = stages.filter((s) => s.status !== 'handed_back').map((s) => s.order);
  return open.length > 0 ? Math.min(...open) : undefined;
}

/** Any stage still to run or running: the dossier cannot be marked processed yet. */
export function stagesOpen(stages: readonly Pick<StageState, 'status'>[]): boolean {
  return stages.some((s) => s.status !== 'handed_back');
}

/** A stage's legal due date: its share of the time limit from `startedAt` (libs/calendar receipt rules). */
export function stageDueAt(startedAt: Date, share: number, limit: TimeLimit): Date {
  return explainAppointment({ receivedAt: startedAt, limit: shareOfLimit(share, limit) }).dueAt;
}

/**
 * A stage's legal due date from its clock (the one rule for a supplement's completion and a
 * calendar change): its share from the clock start, moved by the office hours of each pause, with
 * the calendar in force.
 */
export function stageClockDueAt(
  clockStartedAt: Date,
  pauses: readonly ClockPause[],
  share: number,
  limit: TimeLimit,
): Date {
  let dueAt = stageDueAt(clockStartedAt, share, limit);
  for (const pause of pauses) {
    const waited = workingHoursBetween(new Date(pause.from), new Date(pause.to));
    if (waited > 0) dueAt = addWorkingHours(dueAt, waited);
  }
  return dueAt;
}

/** The stage's open internal steps dated from its clock: scheduled from the clock start, moved by each pause. */
export function stageClockSteps(
  stage: StageState,
  clockStartedAt: Date,
  limit: TimeLimit,
): object[] {
  const pauses = clockPausesOf(stage);
  let steps = scheduleStageSteps(
    stageStepsOf(stage),
    clockStartedAt,
    stage.share,
    limit,
    stageDueAt(clockStartedAt, stage.share, limit),
  );
  for (const pause of pauses)
    steps = pauseStageSteps(steps, workingHoursBetween(new Date(pause.from), new Date(pause.to)));
  return steps;
}

/** The stage rows of a dossier received now: every stage waiting, the first order's clocks started at receipt. */
export function initialStages(chain: InterAgencyChain, receivedAt: Date, limit: TimeLimit) {
  const first = Math.min(...chain.stages.map((s) => s.order));
  return [...chain.stages]
    .sort((a, b) => a.order - b.order || a.agencyCode.localeCompare(b.agencyCode))
    .map((s) => {
      const started = s.order === first;
      const legalDueAt = started ? stageDueAt(receivedAt, s.share, limit) : null;
      const steps = initialStageSteps(s);
      return {
        order: s.order,
        agencyCode: s.agencyCode,
        agencyName: s.agencyName,
        external: s.external,
        share: s.share,
        handsOn: s.handsOn,
        status: 'waiting',
        startedAt: started ? receivedAt : null,
        legalDueAt,
        clockStartedAt: started ? receivedAt : null,
        clockPauses: [],
        steps: legalDueAt
          ? scheduleStageSteps(steps, receivedAt, s.share, limit, legalDueAt)
          : steps,
        promisedDueAt: null,
        transferredAt: null,
        acceptedAt: null,
        handedBackAt: null,
        suspendedHours: 0,
        supplementRequestedAt: null,
        workingHoursTaken: null,
        onTime: null,
        dueSoonAnnouncedFor: null,
        overdueAnnouncedFor: null,
      };
    });
}

/**
 * After `handedBack` ends: when it was the last open stage of its order, the stages of the next
 * order start now, each with its own due date. Returns them (empty when the order is not done or
 * was the last).
 */
export function stagesStartingAfter(
  stages: readonly StageState[],
  handedBack: Pick<StageState, 'order' | 'agencyCode'>,
  now: Date,
  limit: TimeLimit,
): {
  order: number;
  agencyCode: string;
  startedAt: Date;
  clockStartedAt: Date;
  clockPauses: ClockPause[];
  legalDueAt: Date;
  steps: object[];
}[] {
  const stillOpen = stages.some(
    (s) =>
      s.order === handedBack.order &&
      s.agencyCode !== handedBack.agencyCode &&
      s.status !== 'handed_back',
  );
  if (stillOpen) return [];
  const later = stages.filter((s) => s.order > handedBack.order).map((s) => s.order);
  if (later.length === 0) return [];
  const next = Math.min(...later);
  return stages
    .filter((s) => s.order === next)
    .map((s) => {
      const legalDueAt = stageDueAt(now, s.share, limit);
      return {
        order: s.order,
        agencyCode: s.agencyCode,
        startedAt: now,
        clockStartedAt: now,
        clockPauses: [],
        legalDueAt,
        steps: scheduleStageSteps(stageStepsOf(s), now, s.share, limit, legalDueAt),
      };
    });
}

/** The time a stage took and whether it was on time, at its hand-back. */
export function stageOutcome(stage: StageState, endedAt: Date) {
  const elapsed = stage.startedAt ? workingHoursBetween(stage.startedAt, endedAt) : 0;
  const workingHoursTaken = round2(Math.max(0, elapsed - stage.suspendedHours));
  const onTime = stage.legalDueAt ? endedAt.getTime() <= stage.legalDueAt.getTime() : true;
  return { workingHoursTaken, suspendedWorkingHours: round2(stage.suspendedHours), onTime };
}

/**
 * The running stages held by the agency asking for a supplement now (marked with the request's
 * time, so that its completion knows whose clock restarts). None when the asking agency holds no
 * running stage: the request is then the lead side's, for the whole dossier.
 */
export function stagesAskingSupplement(
  stages: readonly StageState[],
  agencyCode: string | undefined,
): StageState[] {
  return stages.filter(
    (s) =>
      agencyCode !== undefined &&
      s.agencyCode === agencyCode &&
      s.startedAt !== null &&
      s.status !== 'handed_back',
  );
}

/**
 * The clocks of the running stages when the supplement is complete (docs/adr/0022; the dossier's
 * own time limit restarts, SUPPLEMENT_POLICIES `clockOnCompletion`):
 *
 * - the stage whose agency asked restarts like the dossier: its share again from now;
 * - another running stage (a parallel agency that did not ask) was stopped by the wait, not sent
 *   back to the start: its due date moves by the office hours waited;
 * - a request of the lead side that held no running stage was the whole dossier's: every running
 *   stage restarts.
 *
 * Every running stage leaves the wait out of the time it took.
 */
export function stagesAfterSupplement(
  stages: readonly StageState[],
  supplementRequestedAt: Date,
  now: Date,
  limit: TimeLimit,
) {
  const running = stages.filter((s) => s.startedAt !== null && s.status !== 'handed_back');
  const waited = workingHoursBetween(supplementRequestedAt, now);
  const wholeDossier = !running.some((s) => s.supplementRequestedAt);
  return running.map((s) => {
    const restart = wholeDossier || Boolean(s.supplementRequestedAt) || !s.legalDueAt;
    // A paused clock keeps its start and records the wait, so that a calendar change re-derives it.
    const clockPauses = restart
      ? []
      : [...clockPausesOf(s), { from: supplementRequestedAt.toISOString(), to: now.toISOString() }];
    const clockStartedAt = restart ? now : (s.clockStartedAt ?? null);
    const legalDueAt = restart
      ? stageDueAt(now, s.share, limit)
      : clockStartedAt
        ? stageClockDueAt(clockStartedAt, clockPauses, s.share, limit)
        : waited > 0
          ? addWorkingHours(s.legalDueAt!, waited)
          : s.legalDueAt!;
    // The stage's steps follow its clock: scheduled again from the restart, or moved by the wait.
    const steps = restart
      ? scheduleStageSteps(stageStepsOf(s), now, s.share, limit, legalDueAt)
      : pauseStageSteps(stageStepsOf(s), waited);
    return {
      order: s.order,
      agencyCode: s.agencyCode,
      clock: restart ? ('restarted' as const) : ('paused' as const),
      suspendedHours: round2(s.suspendedHours + waited),
      legalDueAt,
      clockStartedAt,
      clockPauses,
      steps,
      supplementRequestedAt: null,
    };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
