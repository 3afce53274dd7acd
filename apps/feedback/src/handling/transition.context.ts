import type { Principal } from '@motcua/auth';
import type { EventSink } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import type { FeedbackStatus } from '../feedback/feedback-status';
import type { Feedback, Prisma } from '../generated/prisma/client';

export type TransitionContext = {
  tx: FeedbackTx;
  events: EventSink;
  feedback: Feedback;
  principal: Principal;
  now: Date;
  to: FeedbackStatus;
  actor: { unitCode: string; officerId?: string };
};

/** What a transition changed (beyond the status) and what the log records. */
export type TransitionOutcome = { data: Prisma.FeedbackUpdateInput; details: Record<string, unknown>; eventId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The acting unit (from the token, else the intake unit) and officer (when the subject is an id). */
export function actorOf(principal: Principal, fallbackUnit: string): TransitionContext['actor'] {
  return { unitCode: principal.unit ?? fallbackUnit, ...(UUID.test(principal.subject) ? { officerId: principal.subject } : {}) };
}

/** The facts every feedback event repeats. */
export function factsOf(ctx: TransitionContext) {
  return { feedbackId: ctx.feedback.id, feedbackCode: ctx.feedback.code, agencyCode: ctx.feedback.agencyCode, occurredAt: ctx.now.toISOString() };
}
