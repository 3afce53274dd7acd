import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { FeedbackDatabase, type FeedbackTx } from '../feedback.database';
import {
  FEEDBACK_ACTION_TABLE,
  allowedActions,
  mayPerform,
  statusAfter,
  type FeedbackAction,
} from '../feedback/feedback-actions.table';
import type { FeedbackStatus } from '../feedback/feedback-status';
import { FeedbackRepository, type FeedbackListFilter } from '../feedback/feedback.repository';
import { officerView } from '../feedback/feedback.view';
import { currentDeadline } from '../feedback/current-deadline';
import type { Feedback } from '../generated/prisma/client';
import { FeedbackScope } from '../scope/feedback-scope';
import { FeedbackTransitions } from './feedback.transitions';
import { ACTION_BODIES } from './handling.schemas';
import { type TransitionContext, type TransitionOutcome } from './transition.context';

/** Runs one action on a feedback item: checks the action table, applies the transition, logs it, in one transaction. */
@Injectable()
export class FeedbackHandlingService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly feedback: FeedbackRepository,
    private readonly transitions: FeedbackTransitions,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
    private readonly scope: FeedbackScope,
    private readonly db: FeedbackDatabase,
  ) {}

  /** Items in the caller's scope, newest first. */
  async list(query: Omit<FeedbackListFilter, 'agencies'>, principal: Principal) {
    const [items, total] = await this.feedback.list(this.db, {
      ...query,
      agencies: await this.scope.listable(principal),
    });
    return {
      total,
      limit: query.limit,
      offset: query.offset,
      items: items.map((f) => officerView(f)),
    };
  }

  /** One item with its history and the actions the caller may perform now (404 out of scope). */
  async view(id: string, principal: Principal) {
    const feedback = await this.scope.visible(
      principal,
      await this.feedback.findById(this.db, id),
      id,
    );
    const history = await this.feedback.history(this.db, id);
    return {
      ...officerView(feedback, { allowedActions: this.allowedFor(feedback, principal) }),
      history: history.map((h) => ({
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        actorUnit: h.actorUnit,
        occurredAt: h.occurredAt.toISOString(),
        details: h.details,
      })),
    };
  }

  allowedFor(feedback: Feedback, principal: Principal): FeedbackAction[] {
    return allowedActions(feedback.status as FeedbackStatus, principal.roles);
  }

  perform(id: string, action: FeedbackAction, body: unknown, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      // Outside the caller's scope: the same 404 as an item that does not exist.
      const feedback = await this.scope.visible(
        principal,
        await this.feedback.lockForUpdate(tx, id),
        id,
      );
      const allowed = this.allowedFor(feedback, principal);
      if (!mayPerform(action, principal.roles)) {
        throw new DomainProblem(
          403,
          'action-role',
          'Your role may not perform this action',
          `${action} is for roles ${FEEDBACK_ACTION_TABLE[action].roles.join(', ')}.`,
          { allowedActions: allowed },
        );
      }
      if (!allowed.includes(action)) {
        throw new DomainProblem(
          409,
          'action-not-allowed',
          'The action is not allowed in the feedback’s current status',
          `${action} is not allowed while the feedback is ${feedback.status}.`,
          { currentStatus: feedback.status, allowedActions: allowed },
        );
      }
      assertOwnUnit(action, feedback, principal, allowed);
      const from = feedback.status as FeedbackStatus;
      const category =
        action === 'classify' ? ACTION_BODIES.classify.parse(body).category : undefined;
      const ctx: TransitionContext = {
        tx,
        events,
        feedback,
        principal,
        now: new Date(),
        to: statusAfter(action, category),
        actor: actorOf(principal, this.config.FEEDBACK_INTAKE_UNIT),
      };
      const outcome = this.dispatch(ctx, action, body);
      const merged = { ...feedback, ...(outcome.data as Partial<Feedback>), status: ctx.to };
      const running = currentDeadline(ctx.to, merged);
      const updated = await this.feedback.update(
        tx,
        id,
        { ...outcome.data, status: ctx.to },
        running,
      );
      await this.feedback.appendLog(tx, {
        feedbackId: id,
        action,
        fromStatus: from,
        toStatus: ctx.to,
        actorSubject: principal.subject,
        actorUnit: principal.unit ?? null,
        details: { ...outcome.details, eventId: outcome.eventId },
        occurredAt: ctx.now,
      });
      return officerView(updated, { allowedActions: this.allowedFor(updated, principal) });
    });
  }

  /** One case per action name; the compiler checks that none is missing. */
  private dispatch(
    ctx: TransitionContext,
    action: FeedbackAction,
    raw: unknown,
  ): TransitionOutcome {
    switch (action) {
      case 'classify':
        return this.transitions.classify(ctx, ACTION_BODIES.classify.parse(raw));
      case 'forward':
        return this.transitions.forward(ctx, ACTION_BODIES.forward.parse(raw));
      case 'assign':
        return this.transitions.assign(ctx, ACTION_BODIES.assign.parse(raw));
      case 'request-info':
        return this.transitions.requestInfo(ctx, ACTION_BODIES['request-info'].parse(raw));
      case 'info-received':
        return this.transitions.infoReceived(ctx, ACTION_BODIES['info-received'].parse(raw));
      case 'answer':
        return this.transitions.answer(ctx, ACTION_BODIES.answer.parse(raw));
      case 'return-answer':
        return this.transitions.returnAnswer(ctx, ACTION_BODIES['return-answer'].parse(raw));
      case 'approve':
        return this.transitions.approve(ctx);
      case 'publish':
        return this.transitions.publish(ctx);
      default: {
        const unreachable: never = action;
        throw new Error(`unknown action ${String(unreachable)}`);
      }
    }
  }
}

/** Officers act within their unit: a specialist answers only items assigned to their own unit (leaders may act on any). */
function assertOwnUnit(
  action: FeedbackAction,
  feedback: Feedback,
  principal: Principal,
  allowed: FeedbackAction[],
): void {
  const handlingAction = action === 'answer' || action === 'request-info';
  if (!handlingAction || principal.roles.includes('leader') || !feedback.assignedUnit) return;
  if (principal.unit !== feedback.assignedUnit) {
    throw new DomainProblem(
      403,
      'not-your-unit',
      'The feedback is assigned to another unit',
      `${feedback.code} is handled by ${feedback.assignedUnit}; your unit is ${principal.unit ?? 'not set'}.`,
      { allowedActions: allowed },
    );
  }
}
