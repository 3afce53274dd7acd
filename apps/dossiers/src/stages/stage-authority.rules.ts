import type { Principal } from '@motcua/auth';
import { currentOrderOf, stagesOpen, type StageState } from './stage.rules';

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
 */

export const STAGE_ACTIONS = ['transfer', 'accept-stage', 'hand-back'] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

type StageDossier = { agencyCode: string; stages?: readonly StageState[] };

export type StageRefusal = {
  httpStatus: 403 | 409;
  type: 'action-not-allowed' | 'stage-not-held' | 'stage-scope';
  title: string;
  detail: string;
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

/** The stages of the running order the principal may accept (`accept-stage`) or hand back (`hand-back`). */
export function stagesActionable(
  action: 'accept-stage' | 'hand-back',
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

/** A stage is accepted once transferred; handed back once accepted (an external one also straight from transferred). */
function readyFor(action: 'accept-stage' | 'hand-back', s: StageState): boolean {
  return action === 'accept-stage'
    ? s.status === 'transferred'
    : s.status === 'accepted' || (s.external && s.status === 'transferred');
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
            `only the receiving desk or the agency of the previous stage sends the dossier on; ${principal.agency} is not`,
          );
    }
    case 'accept-stage':
    case 'hand-back': {
      const order = currentOrderOf(stages);
      const inState = stages.filter((s) => s.order === order && readyFor(action, s));
      if (inState.length === 0)
        return notAllowed(action, 'no stage of the running order is in a state for it');
      if (stagesActionable(action, dossier, principal).length > 0) return null;
      return notHeld(
        action,
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
        : notHeld(action, 'an agency of the chain acts on the dossier only while it holds a stage');
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

function notAllowed(action: string, why: string): StageRefusal {
  return {
    httpStatus: 409,
    type: 'action-not-allowed',
    title: 'The action is not allowed in the dossier’s current status',
    detail: `${action}: ${why}.`,
  };
}

function notHeld(action: string, why: string): StageRefusal {
  return {
    httpStatus: 403,
    type: 'stage-not-held',
    title: 'Your agency does not hold this stage',
    detail: `${action}: ${why}.`,
  };
}
