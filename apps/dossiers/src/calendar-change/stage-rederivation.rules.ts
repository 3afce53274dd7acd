import type { TimeLimit } from '@motcua/calendar';
import {
  clockPausesOf,
  stageClockDueAt,
  stageClockSteps,
  type StageState,
} from '../stages/stage.rules';

/**
 * Liên thông after a calendar change: the legal due date of each running stage (started, not
 * handed back) is re-derived like the dossier's own, from the stage's clock start (its start, or
 * the restart after the supplement its agency asked for) and share, moved by the office hours of
 * each wait that paused it (another agency's supplement), with the calendar now in force
 * (`stageClockDueAt`, the rule a supplement's completion uses too). Its open internal steps follow.
 * A stage whose clock start is unknown (stored before it was kept, after a supplement) keeps its
 * date.
 */
export type StageRederivation = {
  order: number;
  agencyCode: string;
  clockStartedAt: Date;
  previousDueAt: Date;
  dueAt: Date;
  steps: object[];
};

/** The running stages whose due date the calendar now in force moves (the others are left out). */
export function rederiveStages(
  stages: readonly StageState[],
  limit: TimeLimit,
): StageRederivation[] {
  return stages.flatMap((stage) => {
    const { clockStartedAt, legalDueAt } = stage;
    if (!stage.startedAt || stage.status === 'handed_back' || !clockStartedAt || !legalDueAt)
      return [];
    const dueAt = stageClockDueAt(clockStartedAt, clockPausesOf(stage), stage.share, limit);
    if (dueAt.getTime() === legalDueAt.getTime()) return [];
    return [
      {
        order: stage.order,
        agencyCode: stage.agencyCode,
        clockStartedAt,
        previousDueAt: legalDueAt,
        dueAt,
        steps: stageClockSteps(stage, clockStartedAt, limit),
      },
    ];
  });
}
