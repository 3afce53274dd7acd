import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import type { DossierStatus } from '../dossier/dossier-status';
import { DossierRepository, type DossierWithSteps } from '../dossier/dossier.repository';
import { dossierView } from '../dossier/dossier.view';
import type { DossiersTx } from '../dossiers.database';
import { DossierScope } from '../scope/dossier-scope';
import { DOSSIER_ACTION_TABLE, allowedActions, mayPerform, statusAfter, type DossierAction } from './dossier-actions.table';
import { ACTION_BODIES, type ActionBody } from './lifecycle.schemas';
import { OutcomeTransitions } from './outcome.transitions';
import { ProgressTransitions } from './progress.transitions';
import { actorOf, currentStep, nextStep, type TransitionContext, type TransitionOutcome } from './transition.context';

/** Runs one action on a dossier: checks the action table, applies the transition, logs it, all in one transaction. */
@Injectable()
export class DossierLifecycleService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly dossiers: DossierRepository,
    private readonly progress: ProgressTransitions,
    private readonly outcomes: OutcomeTransitions,
    private readonly scope: DossierScope,
  ) {}

  allowedFor(dossier: DossierWithSteps, principal: Principal): DossierAction[] {
    return allowedActions(dossier.status as DossierStatus, principal.roles, { hasNextStep: hasNextStep(dossier) });
  }

  async perform<A extends DossierAction>(dossierId: string, action: A, body: ActionBody<A>, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      // Out of the caller's scope: the same 404 as a dossier that does not exist.
      const dossier = await this.scope.visible(principal, dossierId, await this.dossiers.lockForUpdate(tx, dossierId));
      const allowed = this.allowedFor(dossier, principal);
      if (!mayPerform(action, principal.roles)) {
        throw new DomainProblem(403, 'action-role', 'Your role may not perform this action',
          `${action} is for roles ${DOSSIER_ACTION_TABLE[action].roles.join(', ')}.`, { allowedActions: allowed });
      }
      if (!allowed.includes(action)) {
        throw new DomainProblem(409, 'action-not-allowed', 'The action is not allowed in the dossier’s current status',
          `${action} is not allowed while the dossier is ${dossier.status}.`, { dossierStatus: dossier.status, allowedActions: allowed });
      }
      const from = dossier.status as DossierStatus;
      const step = currentStep(dossier);
      assertUnitScope(principal, step?.unitCode, allowed);
      const ctx: TransitionContext = {
        tx, events, dossier, principal, now: new Date(), to: statusAfter(action, from),
        actor: actorOf(principal, step?.unitCode ?? dossier.steps[0]?.unitCode ?? 'VP.MC'),
      };
      const outcome = await this.dispatch(ctx, action, body);
      const updated = await this.dossiers.findWithSteps(tx, { id: dossierId });
      await this.dossiers.appendLog(tx, {
        dossierId, action, fromStatus: from, toStatus: updated!.status, portalStatus: updated!.portalStatus,
        actorSubject: principal.subject, actorRoles: principal.roles, actorUnit: principal.unit ?? null,
        details: outcome.details as object, eventId: outcome.eventId, occurredAt: ctx.now,
      });
      return dossierView(updated!, { allowedActions: this.allowedFor(updated!, principal) });
    });
  }

  /** One case per action name; the compiler checks that none is missing. */
  private dispatch(ctx: TransitionContext, action: DossierAction, raw: unknown): Promise<TransitionOutcome> {
    switch (action) {
      case 'assign': return this.progress.assign(ctx, ACTION_BODIES.assign.parse(raw));
      case 'complete-step': return this.progress.completeStep(ctx, ACTION_BODIES['complete-step'].parse(raw));
      case 'request-supplement': return this.progress.requestSupplement(ctx, ACTION_BODIES['request-supplement'].parse(raw));
      case 'supplement-received': return this.progress.supplementReceived(ctx, ACTION_BODIES['supplement-received'].parse(raw));
      case 'extend': return this.progress.extend(ctx, ACTION_BODIES.extend.parse(raw));
      case 'refuse': return this.outcomes.refuse(ctx, ACTION_BODIES.refuse.parse(raw));
      case 'mark-processed': return this.outcomes.markProcessed(ctx, ACTION_BODIES['mark-processed'].parse(raw));
      case 'return-result': return this.outcomes.returnResult(ctx, ACTION_BODIES['return-result'].parse(raw));
      case 'withdraw': return this.outcomes.withdraw(ctx, ACTION_BODIES.withdraw.parse(raw));
      case 'stop': return this.outcomes.stop(ctx, ACTION_BODIES.stop.parse(raw));
      default: {
        const unreachable: never = action;
        throw new Error(`unknown action ${String(unreachable)}`);
      }
    }
  }
}

/**
 * A specialist (chuyên viên) acts only on dossiers whose current step belongs to their unit;
 * desk officers and leaders act across the agency's units.
 */
function assertUnitScope(principal: Principal, stepUnit: string | undefined, allowed: DossierAction[]): void {
  const onlySpecialist = principal.roles.includes('specialist') && !principal.roles.some((r) => r === 'leader' || r === 'desk_officer');
  if (onlySpecialist && stepUnit !== undefined && principal.unit !== stepUnit) {
    throw new DomainProblem(403, 'unit-scope', 'The dossier is not at your unit',
      `The current step belongs to unit ${stepUnit}; your unit is ${principal.unit ?? 'unknown'}.`, { allowedActions: allowed });
  }
}

function hasNextStep(dossier: DossierWithSteps): boolean {
  return currentStep(dossier) !== undefined && nextStep(dossier) !== undefined;
}
