import { addWorkingHours, type TimeLimit } from '@motcua/calendar';
import type { InterAgencyChain } from '@motcua/contracts';
import { scheduleFrom } from '../schedule/due-dates';

/**
 * Một cửa liên thông: the internal steps of one agency's stage (docs/dossiers.md "Inter-agency
 * stages", docs/adr/0030). A stage of the province runs the steps the catalog publishes for it
 * (the chain's `workflow`: that agency's own units and shares); a stage published without them has
 * one step of the whole share at no particular unit (any officer of the agency); an external stage
 * has none (its answer is entered or arrives by event). Pure rules; the transitions store the
 * result in `dossier_stage.steps`.
 *
 * - The steps' due dates are set when the stage starts: cumulative shares from the stage's start,
 *   never after the stage's own due date, the last ending with it (the stage's due date bounds them).
 * - Accepting the stage makes its first step active; `complete-stage-step` moves to the next; the
 *   hand-back completes the last one (and only the last one may be active then).
 * - A complete supplement: the restarted stage's open steps are scheduled again from the restart;
 *   a paused stage's open steps move by the office hours waited (ADR 0022).
 */

export type StageStepStatus = 'pending' | 'active' | 'completed';

export type StageStep = {
  order: number;
  name: string;
  /** The agency's unit responsible; null: any officer of the agency (the chain published no steps). */
  unitCode: string | null;
  unitName: string | null;
  share: number;
  status: StageStepStatus;
  /** ISO instants (the row's JSON); null until the stage starts. */
  dueAt: string | null;
  assigneeId: string | null;
  startedAt: string | null;
  completedAt: string | null;
};

type ChainStage = InterAgencyChain['stages'][number];

/** The name of the one step of a stage published without its own steps. */
export const DEFAULT_STAGE_STEP = 'Xử lý hồ sơ liên thông của cơ quan';

/** The steps a stage starts with (all pending, undated). */
export function initialStageSteps(stage: ChainStage): StageStep[] {
  if (stage.external) return [];
  const workflow = stage.workflow ?? [
    { order: 1, name: DEFAULT_STAGE_STEP, unitCode: null, unitName: null, share: stage.share },
  ];
  return [...workflow]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({
      order: s.order,
      name: s.name,
      unitCode: s.unitCode,
      unitName: s.unitName,
      share: s.share,
      status: 'pending' as const,
      dueAt: null,
      assigneeId: null,
      startedAt: null,
      completedAt: null,
    }));
}

/**
 * A share of the procedure's time limit as a limit of its own: hours as they are, a same-day limit
 * stays one day, days rounded up to whole days (at least one).
 */
export function shareOfLimit(share: number, limit: TimeLimit): TimeLimit {
  const value =
    limit.unit === 'working_hours'
      ? share
      : limit.unit === 'same_day'
        ? 1
        : Math.max(1, Math.ceil(share - 1e-9));
  return { value, unit: limit.unit };
}

/** The stored JSON of a stage's steps, read back. */
export function stageStepsOf(stage: { steps?: unknown }): StageStep[] {
  return Array.isArray(stage.steps) ? (stage.steps as StageStep[]) : [];
}

/**
 * Due dates of the steps not yet completed, from `from` over the stage's share (libs/calendar, as
 * a dossier's steps over its limit), bounded by the stage's due date `stageDueAt`.
 */
export function scheduleStageSteps(
  steps: readonly StageStep[],
  from: Date,
  share: number,
  limit: TimeLimit,
  stageDueAt: Date,
): StageStep[] {
  if (steps.length === 0) return [];
  const schedule = scheduleFrom(
    from,
    shareOfLimit(share, limit),
    steps.map((s) => ({
      order: s.order,
      name: s.name,
      unitCode: s.unitCode ?? '',
      unitName: s.unitName ?? '',
      share: s.share,
    })),
  );
  return steps.map((s, i) => {
    if (s.status === 'completed') return s;
    const planned = schedule.steps.find((x) => x.order === s.order)!.dueAt;
    const last = i === steps.length - 1;
    const due = last || planned.getTime() > stageDueAt.getTime() ? stageDueAt : planned;
    return { ...s, dueAt: due.toISOString() };
  });
}

/** The steps of a paused stage: the open ones move by the office hours the dossier waited. */
export function pauseStageSteps(steps: readonly StageStep[], waitedHours: number): StageStep[] {
  if (waitedHours <= 0) return [...steps];
  return steps.map((s) =>
    s.status === 'completed' || s.dueAt === null
      ? s
      : { ...s, dueAt: addWorkingHours(new Date(s.dueAt), waitedHours).toISOString() },
  );
}

/** The step being worked on (accepted stage), if any. */
export const activeStageStep = (steps: readonly StageStep[]) =>
  steps.find((s) => s.status === 'active');

/** May the stage be handed back now: no steps, or its last step is the active one (the others done). */
export function stageStepsDone(steps: readonly StageStep[]): boolean {
  return steps.length === 0 || steps[steps.length - 1].status !== 'pending';
}

/** Has the stage an active step followed by another (what `complete-stage-step` works on)? */
export function hasNextStageStep(steps: readonly StageStep[]): boolean {
  const active = activeStageStep(steps);
  return active !== undefined && steps.some((s) => s.order > active.order);
}

/** Accepting the stage: its first step becomes active (assigned to `officerId` when named). */
export function acceptStageSteps(
  steps: readonly StageStep[],
  now: Date,
  officerId?: string,
): StageStep[] {
  return steps.map((s, i) =>
    i === 0
      ? { ...s, status: 'active', startedAt: now.toISOString(), assigneeId: officerId ?? null }
      : s,
  );
}

/** The active step completed; the next one active (assigned to `nextOfficerId` when named). */
export function completeStageStep(
  steps: readonly StageStep[],
  now: Date,
  nextOfficerId?: string,
): StageStep[] {
  const active = activeStageStep(steps);
  if (!active) return [...steps];
  const next = steps.find((s) => s.order > active.order);
  return steps.map((s) => {
    if (s === active) return { ...s, status: 'completed', completedAt: now.toISOString() };
    if (s === next)
      return {
        ...s,
        status: 'active',
        startedAt: now.toISOString(),
        assigneeId: nextOfficerId ?? null,
      };
    return s;
  });
}

/** At the hand-back: every step completed (the last one now). */
export function handBackStageSteps(steps: readonly StageStep[], now: Date): StageStep[] {
  return steps.map((s) =>
    s.status === 'completed' ? s : { ...s, status: 'completed', completedAt: now.toISOString() },
  );
}
