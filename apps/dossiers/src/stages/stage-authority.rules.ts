import type { Principal } from '@motcua/auth';
import { currentOrderOf, stagesOpen, type StageState } from './stage.rules';
import {
  activeStageStep,
  hasNextStageStep,
  stageStepsDone,
  stageStepsOf,
} from './stage-steps.rules';

/**
 * Who may act on an inter-agency dossier's stages (docs/dossiers.md "Inter-agency stages",
 * docs/authorization.md). Read by action-rules.ts, so that the action and `allowedActions` agree.
 *
 * - The lead side: officers of the resolving agency and of the desk that receives for it (the
 *   dossier scope let them in without being a stage agency). They transfer to the next order,
 *   and record an external agency's acceptance and answer.
 * - A participant: an officer of an agency of the chain other than the resolving agency. It
 *   accepts and hands back its own stage; it transfers to the next order once its stage of the
 *   previous order handed back; it may request a supplement or apologise while it holds a stage;
 *   nothing else.
 * - Within a stage, the agency's own internal steps (stage-steps.rules.ts): its officers complete
 *   them in order and the hand-back completes the last; a specialist acts only on a step of its
 *   unit (403 `unit-scope`, as on the dossier's own steps); a step of no unit is any officer's.
 */

export const STAGE_ACTIONS = [
  'transfer',
  'accept-stage',
  'hand-back',
  'complete-stage-step',
] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

type StageDossier = { agencyCode: string; stages?: readonly StageState[] };

export type StageRefusal = {
  httpStatus: 403 | 409;
  type: 'action-not-allowed' | 'stage-not-held' | 'stage-scope';
  title: string;
  detail: string;
  /** The rule broken, named (a stage not held: `stage-holder-only`, `previous-stage-sends-on`). */
  errors?: { field: string; rule: string; message: string }[];
};

/** An officer of a chain agency other than the resolving one. */
export function isParticipant(dossier: StageDossier, principal: Principal): boolean {
  const agency = principal.agency;
  return (
    agency !== undefined &&
    agency !== dossier.agencyCode &&
    (dossier.stages ?? []).some((s) => s.agencyCode === agency)
  );
}

const officer = (p: Principal) =>
  p.roles.some((r) => r === 'desk_officer' || r === 'specialist' || r === 'leader');

type StageWork = 'accept-stage' | 'hand-back' | 'complete-stage-step';

/** The stages of the running order the principal may accept, move on a step, or hand back. */
export function stagesActionable(
  action: StageWork,
  dossier: StageDossier,
  principal: Principal,
): StageState[] {
  const stages = dossier.stages ?? [];
  const order = currentOrderOf(stages);
  const lead = !isParticipant(dossier, principal) && officer(principal);
  return stages.filter((s) => {
    if (s.order !== order || !readyFor(action, s)) return false;
    return s.external ? lead : s.agencyCode === principal.agency;
  });
}

/**
 * A stage is accepted once transferred; its steps move on while accepted; it is handed back once
 * accepted with its last step reached (an external one, with no steps, also straight from transferred).
 */
function readyFor(action: StageWork, s: StageState): boolean {
  const steps = stageStepsOf(s);
  switch (action) {
    case 'accept-stage':
      return s.status === 'transferred';
    case 'complete-stage-step':
      return s.status === 'accepted' && hasNextStageStep(steps);
    case 'hand-back':
      return (
        (s.status === 'accepted' && stageStepsDone(steps)) ||
        (s.external && s.status === 'transferred')
      );
  }
}

/**
 * A specialist (chuyên viên) of the stage's agency acts on a step of its own unit only; desk
 * officers and leaders across the agency's units. Among the stages the principal may act on,
 * one whose active step it may work on, or the unit that refuses it.
 */
export function stageUnitRefusal(
  action: 'hand-back' | 'complete-stage-step',
  dossier: StageDossier,
  principal: Principal,
): { unitCode: string } | null {
  const onlySpecialist =
    principal.roles.includes('specialist') &&
    !principal.roles.some((r) => r === 'leader' || r === 'desk_officer');
  if (!onlySpecialist) return null;
  const units = stagesActionable(action, dossier, principal).map(
    (s) => activeStageStep(stageStepsOf(s))?.unitCode ?? null,
  );
  if (units.length === 0 || units.some((u) => u === null || u === principal.unit)) return null;
  return { unitCode: units[0]! };
}

/** The waiting stages of the running order: where a transfer may go now. */
export function transferTargets(dossier: StageDossier): StageState[] {
  const stages = dossier.stages ?? [];
  const order = currentOrderOf(stages);
  return stages.filter((s) => s.order === order && s.status === 'waiting');
}

/** The agencies that hold or held a stage of the dossier (transferred, accepted or handed back). */
export function participatingAgencies(
  stages: readonly Pick<StageState, 'agencyCode' | 'status'>[],
) {
  return [...new Set(stages.filter((s) => s.status !== 'waiting').map((s) => s.agencyCode))];
}

/** Why the principal may not run a stage action (or another action, as a participant) now; null when it may. */
export function stageRefusal(
  action: string,
  dossier: StageDossier,
  principal: Principal,
): StageRefusal | null {
  const stages = dossier.stages ?? [];
  const participant = isParticipant(dossier, principal);
  // Holding = the agency took the stage it was sent (accept-stage) and has not handed it back.
  const holding = stages.some((s) => s.agencyCode === principal.agency && s.status === 'accepted');
  switch (action) {
    case 'transfer': {
      if (transferTargets(dossier).length === 0)
        return notAllowed(
          action,
          'no stage of the chain waits for a transfer (the running order was sent, or every stage handed back)',
        );
      if (!participant) return null;
      const order = currentOrderOf(stages)!;
      const previous = stages.filter((s) => s.order < order).map((s) => s.order);
      const sender =
        previous.length > 0 &&
        stages.some((s) => s.order === Math.max(...previous) && s.agencyCode === principal.agency);
      return sender
        ? null
        : notHeld(
            'transfer',
            'previous-stage-sends-on',
            `only the receiving desk or the agency of the previous stage sends the dossier on; ${principal.agency} is not`,
          );
    }
    case 'accept-stage':
    case 'hand-back':
    case 'complete-stage-step': {
      const order = currentOrderOf(stages);
      const inState = stages.filter((s) => s.order === order && readyFor(action, s));
      if (inState.length === 0) return notAllowed(action, NOT_READY[action]);
      if (stagesActionable(action, dossier, principal).length > 0) return null;
      return notHeld(
        action,
        'stage-holder-only',
        `the stage is held by ${inState.map((s) => s.agencyCode).join(', ')}; your agency ${principal.agency ?? 'none'} does not hold it`,
      );
    }
    case 'mark-processed':
      return stagesOpen(stages)
        ? notAllowed(
            action,
            'every stage of the chain must have handed back first (rule stages-handed-back)',
          )
        : null;
    case 'request-supplement':
    case 'extend':
      return !participant || holding
        ? null
        : notHeld(
            action,
            'stage-holder-only',
            'an agency of the chain acts on the dossier only while it holds a stage',
          );
    default:
      return participant
        ? {
            httpStatus: 403,
            type: 'stage-scope',
            title: 'An agency of the chain acts only on its stage',
            detail: `${action} is for the resolving agency ${dossier.agencyCode}; your agency ${principal.agency} takes part in a stage.`,
          }
        : null;
  }
}

const NOT_READY: Record<StageWork, string> = {
  'accept-stage': 'no stage of the running order was sent and waits to be taken',
  'hand-back':
    'no stage of the running order is taken with its last internal step reached (rule stage-steps-completed)',
  'complete-stage-step':
    'no stage of the running order is taken with an internal step before its last (rule stage-step-next)',
};

function notAllowed(action: string, why: string): StageRefusal {
  return {
    httpStatus: 409,
    type: 'action-not-allowed',
    title: 'The action is not allowed in the dossier’s current status',
    detail: `${action}: ${why}.`,
  };
}

/**
 * An agency of the chain (in scope: it sees the dossier) acting on a stage it does not hold: a
 * conflict with the stage's state, 409 naming the rule; nothing moves. Outside the dossier's
 * scope altogether the answer stays 404 (scope/dossier-scope.ts).
 */
export function notHeld(action: string, rule: string, why: string): StageRefusal {
  return {
    httpStatus: 409,
    type: 'stage-not-held',
    title: 'Your agency does not hold this stage',
    detail: `${action}: ${why} (rule ${rule}).`,
    errors: [{ field: 'agencyCode', rule, message: why }],
  };
}
