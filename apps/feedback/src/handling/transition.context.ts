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
export type TransitionOutcome = {
  data: Prisma.FeedbackUpdateInput;
  details: Record<string, unknown>;
  eventId?: string;
};

/** The facts every feedback event repeats. */
export function factsOf(ctx: TransitionContext) {
  return {
    feedbackId: ctx.feedback.id,
    feedbackCode: ctx.feedback.code,
    agencyCode: ctx.feedback.agencyCode,
    occurredAt: ctx.now.toISOString(),
  };
}
