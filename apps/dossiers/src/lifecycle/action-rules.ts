import type { Principal } from '@motcua/auth';
import { toLocalDate } from '@motcua/calendar';
import type { DossierStatus } from '../dossier/dossier-status';
import {
  DOSSIER_ACTIONS,
  DOSSIER_ACTION_TABLE,
  mayPerform,
  statusAllows,
  type DossierAction,
} from './dossier-actions.table';
import { receiptRefusal, type ReceiptDossier } from '../intake/receiving-desk.rules';
import {
  isParticipant,
  stageRefusal,
  stageUnitRefusal,
  STAGE_ACTIONS,
} from '../stages/stage-authority.rules';
import type { StageState } from '../stages/stage.rules';
import {
  EXTENSION_POLICIES,
  REGIME_POLICIES,
  SUPPLEMENT_POLICIES,
  extensionTimingViolations,
  policyOn,
  supplementRequestViolations,
  type RuleViolation,
} from './lifecycle.policies';

/**
 * THE answer to "may this action run on this dossier now, and if not why": the action
 * (dossier-lifecycle.service.ts) refuses with exactly this answer and the dossier view lists as
 * allowed exactly the actions for which it is null. Only what depends on the request body (the
 * new date of an extension, which supplement items arrived) is checked later, by the transition.
 */

/** What the rules read of a dossier. */
export type ActionDossier = {
  status: string;
  receivedAt: Date;
  /** The date in force (promised after an apology). */
  dueAt: Date | null;
  extensionCount: number;
  createdBy: string;
  currentStepOrder: number | null;
  steps: readonly { order: number; status: string; unitCode: string }[];
  /** The resolving (lead) agency. */
  agencyCode?: string;
  /** Stages of an inter-agency dossier (một cửa liên thông); absent or empty otherwise. */
  stages?: readonly StageState[];
} & ReceiptDossier;

export type ActionRefusal = {
  httpStatus: 403 | 409 | 422;
  type:
    | 'action-role'
    | 'action-not-allowed'
    | 'not-your-dossier'
    | 'unit-scope'
    | 'rule-violated'
    | 'stage-not-held'
    | 'stage-scope'
    | 'receiving-desk-scope'
    | 'return-place';
  title: string;
  detail: string;
  errors?: RuleViolation[];
};

export function currentStepOf(dossier: Pick<ActionDossier, 'steps' | 'currentStepOrder'>) {
  return (
    dossier.steps.find((s) => s.order === dossier.currentStepOrder) ??
    dossier.steps.find((s) => s.status === 'active')
  );
}

function hasNextStep(dossier: ActionDossier): boolean {
  const current = currentStepOf(dossier);
  return current !== undefined && dossier.steps.some((s) => s.order > current.order);
}

const citizenOnly = (principal: Principal) => principal.roles.every((r) => r === 'citizen');

/** Why the principal may not run the action on the dossier at `now`, or null when it may. */
export function actionRefusal(
  action: DossierAction,
  dossier: ActionDossier,
  principal: Principal,
  now: Date,
): ActionRefusal | null {
  if (!mayPerform(action, principal.roles)) {
    return {
      httpStatus: 403,
      type: 'action-role',
      title: 'Your role may not perform this action',
      detail: `${action} is for roles ${DOSSIER_ACTION_TABLE[action].roles.join(', ')}.`,
    };
  }
  const status = dossier.status as DossierStatus;
  const interAgency = (dossier.stages?.length ?? 0) > 0;
  if (!statusAllows(action, status, { hasNextStep: hasNextStep(dossier), interAgency })) {
    return {
      httpStatus: 409,
      type: 'action-not-allowed',
      title: 'The action is not allowed in the dossier’s current status',
      detail: `${action} is not allowed while the dossier is ${status}.`,
    };
  }
  if (
    (action === 'withdraw' || action === 'stop-at-request') &&
    citizenOnly(principal) &&
    dossier.createdBy !== principal.subject
  ) {
    return {
      httpStatus: 403,
      type: 'not-your-dossier',
      title: 'Only the applicant may ask for this',
      detail: `A citizen may ${action} only a dossier they submitted.`,
    };
  }
  const receipt = receiptRefusal(action, dossier, principal);
  if (receipt) return receipt;
  const stageDossier = { agencyCode: dossier.agencyCode ?? '', stages: dossier.stages };
  if (interAgency) {
    const stage = stageRefusal(action, stageDossier, principal);
    if (stage) return stage;
  }
  // An agency of the chain has no step of the lead agency's workflow: its unit scope is that of
  // its stage's own steps (stage-authority.rules.ts), the dossier's steps are the lead's.
  const stageWork =
    (STAGE_ACTIONS as readonly string[]).includes(action) || isParticipant(stageDossier, principal);
  const stageUnit =
    action === 'hand-back' || action === 'complete-stage-step'
      ? stageUnitRefusal(action, stageDossier, principal)
      : null;
  const scope = stageWork
    ? stageUnit && unitScopeRefusal(principal, stageUnit.unitCode)
    : unitScopeRefusal(principal, currentStepOf(dossier)?.unitCode);
  if (scope) return scope;
  const violations = timingViolations(action, dossier, now, principal);
  if (violations.length > 0) {
    return {
      httpStatus: 422,
      type: 'rule-violated',
      title: 'A rule of the one-stop shop forbids this action',
      detail: violations.map((v) => `${v.field}: ${v.message}`).join('; '),
      errors: violations,
    };
  }
  return null;
}

/** The actions the principal may run now, in the table's order (the dossier view's allowedActions). */
export function allowedActionsOf(
  dossier: ActionDossier,
  principal: Principal,
  now: Date,
): DossierAction[] {
  return DOSSIER_ACTIONS.filter(
    (action) => actionRefusal(action, dossier, principal, now) === null,
  );
}

/**
 * A specialist (chuyên viên) acts only on dossiers whose current step belongs to their unit;
 * desk officers and leaders act across the agency's units.
 */
function unitScopeRefusal(
  principal: Principal,
  stepUnit: string | undefined,
): ActionRefusal | null {
  const onlySpecialist =
    principal.roles.includes('specialist') &&
    !principal.roles.some((r) => r === 'leader' || r === 'desk_officer');
  if (!onlySpecialist || stepUnit === undefined || principal.unit === stepUnit) return null;
  return {
    httpStatus: 403,
    type: 'unit-scope',
    title: 'The dossier is not at your unit',
    detail: `The current step belongs to unit ${stepUnit}; your unit is ${principal.unit ?? 'unknown'}.`,
  };
}

/** Rules of time and regime, under the policies in force on the dossier's date of receipt. */
function timingViolations(
  action: DossierAction,
  dossier: ActionDossier,
  now: Date,
  principal: Principal,
): RuleViolation[] {
  const receivedOn = toLocalDate(dossier.receivedAt);
  const today = toLocalDate(now);
  switch (action) {
    case 'request-supplement': {
      // An agency of the chain counts the window from when its stage started (it got the dossier then).
      const held = dossier.stages?.find(
        (s) => s.agencyCode === principal.agency && s.status !== 'handed_back' && s.startedAt,
      );
      const since =
        held && principal.agency !== dossier.agencyCode ? toLocalDate(held.startedAt!) : receivedOn;
      return supplementRequestViolations({
        policy: policyOn(SUPPLEMENT_POLICIES, receivedOn),
        receivedOn: since,
        today,
      });
    }
    case 'extend':
      if (!dossier.dueAt)
        return [
          {
            field: 'newDueDate',
            rule: 'has-due-date',
            message: 'the dossier has no due date to move',
          },
        ];
      return extensionTimingViolations({
        policy: policyOn(EXTENSION_POLICIES, receivedOn),
        today,
        currentDueDate: toLocalDate(dossier.dueAt),
        extensionCount: dossier.extensionCount,
      });
    case 'stop-at-request': {
      const regime = policyOn(REGIME_POLICIES, receivedOn);
      return regime.stopAtApplicantRequest
        ? []
        : [
            {
              field: 'action',
              rule: 'stop-at-request-regime',
              message: `a stop at the applicant's request (form 05) exists for dossiers received from 2025-07-01; this one was received on ${receivedOn} under ${regime.id}: use withdraw`,
            },
          ];
    }
    default:
      return [];
  }
}
