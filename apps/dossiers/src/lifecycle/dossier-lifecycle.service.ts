import { Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import type { DossierStatus } from '../dossier/dossier-status';
import { DossierRepository, type DossierWithSteps } from '../dossier/dossier.repository';
import { dossierView } from '../dossier/dossier.view';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';
import { DossierScope } from '../scope/dossier-scope';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import { actionRefusal, allowedActionsOf } from './action-rules';
import { statusAfter, type DossierAction } from './dossier-actions.table';
import { ACTION_BODIES, type ActionBody } from './lifecycle.schemas';
import { OutcomeTransitions } from './outcome.transitions';
import { ProgressTransitions } from './progress.transitions';
import { StageTransitions } from '../stages/stage.transitions';
import { currentStep, type TransitionContext, type TransitionOutcome } from './transition.context';

/** Runs one action on a dossier: checks the action table, applies the transition, logs it, all in one transaction. */
@Injectable()
export class DossierLifecycleService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly dossiers: DossierRepository,
    private readonly progress: ProgressTransitions,
    private readonly outcomes: OutcomeTransitions,
    private readonly stages: StageTransitions,
    private readonly scope: DossierScope,
    private readonly scoped: ScopedDossiers,
    private readonly db: DossiersDatabase,
  ) {}

  /** A dossier with its steps, action history and the actions the caller may perform now (404 out of scope). */
  async view(dossierId: string, principal: Principal) {
    const dossier = await this.scope.visible(
      principal,
      dossierId,
      await this.dossiers.findWithSteps(this.db, { id: dossierId }),
    );
    const history = await this.dossiers.history(this.db, dossierId);
    return {
      ...dossierView(dossier, { allowedActions: this.allowedFor(dossier, principal) }),
      history: history.map((h) => ({
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        portalStatus: h.portalStatus,
        occurredAt: h.occurredAt.toISOString(),
        actorUnit: h.actorUnit,
      })),
    };
  }

  /** The actions the principal may run now: the same rules `perform` applies (action-rules.ts). */
  allowedFor(dossier: DossierWithSteps, principal: Principal, now = new Date()): DossierAction[] {
    return allowedActionsOf(dossier, principal, now);
  }

  async perform<A extends DossierAction>(
    dossierId: string,
    action: A,
    body: ActionBody<A>,
    principal: Principal,
  ) {
    return this.uow.run(async (tx, events) => {
      const dossier = await this.scoped.lockVisible(tx, principal, dossierId);
      const now = new Date();
      const refusal = actionRefusal(action, dossier, principal, now);
      if (refusal) {
        throw new DomainProblem(refusal.httpStatus, refusal.type, refusal.title, refusal.detail, {
          ...(refusal.errors ? { errors: refusal.errors } : {}),
          ...(refusal.httpStatus === 409 ? { dossierStatus: dossier.status } : {}),
          allowedActions: this.allowedFor(dossier, principal, now),
        });
      }
      const from = dossier.status as DossierStatus;
      const step = currentStep(dossier);
      const ctx: TransitionContext = {
        tx,
        events,
        dossier,
        principal,
        now,
        to: statusAfter(action, from),
        actor: actorOf(principal, step?.unitCode ?? dossier.steps[0]?.unitCode ?? 'VP.MC'),
      };
      const outcome = await this.dispatch(ctx, action, body);
      const updated = await this.dossiers.findWithSteps(tx, { id: dossierId });
      await this.scoped.logAction(tx, principal, updated!, {
        action,
        fromStatus: from,
        details: outcome.details,
        eventId: outcome.eventId,
        occurredAt: ctx.now,
      });
      return dossierView(updated!, {
        allowedActions: this.allowedFor(updated!, principal, ctx.now),
      });
    });
  }

  /** One case per action name; the compiler checks that none is missing. */
  private dispatch(
    ctx: TransitionContext,
    action: DossierAction,
    raw: unknown,
  ): Promise<TransitionOutcome> {
    switch (action) {
      case 'assign':
        return this.progress.assign(ctx, ACTION_BODIES.assign.parse(raw));
      case 'complete-step':
        return this.progress.completeStep(ctx, ACTION_BODIES['complete-step'].parse(raw));
      case 'request-supplement':
        return this.progress.requestSupplement(ctx, ACTION_BODIES['request-supplement'].parse(raw));
      case 'supplement-received':
        return this.progress.supplementReceived(
          ctx,
          ACTION_BODIES['supplement-received'].parse(raw),
        );
      case 'extend':
        return this.progress.extend(ctx, ACTION_BODIES.extend.parse(raw));
      case 'refuse':
        return this.outcomes.refuse(ctx, ACTION_BODIES.refuse.parse(raw));
      case 'mark-processed':
        return this.outcomes.markProcessed(ctx, ACTION_BODIES['mark-processed'].parse(raw));
      case 'return-result':
        return this.outcomes.returnResult(ctx, ACTION_BODIES['return-result'].parse(raw));
      case 'withdraw':
        return this.outcomes.withdraw(ctx, ACTION_BODIES.withdraw.parse(raw));
      case 'stop':
        return this.outcomes.stop(ctx, ACTION_BODIES.stop.parse(raw));
      case 'stop-at-request':
        return this.outcomes.stopAtRequest(ctx, ACTION_BODIES['stop-at-request'].parse(raw));
      case 'transfer':
        return this.stages.transfer(ctx, ACTION_BODIES.transfer.parse(raw));
      case 'accept-stage':
        return this.stages.acceptStage(ctx, ACTION_BODIES['accept-stage'].parse(raw));
      case 'hand-back':
        return this.stages.handBack(ctx, ACTION_BODIES['hand-back'].parse(raw));
      case 'complete-stage-step':
        return this.stages.completeStageStep(ctx, ACTION_BODIES['complete-stage-step'].parse(raw));
      default: {
        const unreachable: never = action;
        throw new Error(`unknown action ${String(unreachable)}`);
      }
    }
  }
}
