import { Inject, Injectable } from '@nestjs/common';
import {
  feedbackAnswerApproved,
  feedbackAnswered,
  feedbackAssigned,
  feedbackClassified,
  feedbackForwarded,
  feedbackInfoRequested,
  feedbackPublished,
} from '@motcua/contracts';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { forwardByAfter, publishByAfter } from '../policy/feedback-deadlines';
import { foldVietnamese } from '@motcua/vietnamese';
import { maskLongNumbers } from '../shared/mask-numbers';
import type { ActionBody } from './handling.schemas';
import { factsOf, type TransitionContext, type TransitionOutcome } from './transition.context';

/** One method per action of the table: the changes of the item and the event it publishes. */
@Injectable()
export class FeedbackTransitions {
  constructor(@Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig) {}

  classify(ctx: TransitionContext, body: ActionBody<'classify'>): TransitionOutcome {
    const outside = body.category === 'outside_authority';
    const handled = body.category === 'conduct' || body.category === 'within_authority';
    const forwardBy = outside ? this.forwardByOf(ctx) : undefined;
    const event = ctx.events.publish(feedbackClassified, {
      ...factsOf(ctx),
      category: body.category,
      ...(body.reason ? { reason: body.reason } : {}),
      classifiedBy: ctx.actor,
      ...(forwardBy ? { forwardBy: forwardBy.toISOString() } : {}),
      ...(handled ? { answerBy: ctx.feedback.answerBy.toISOString() } : {}),
    });
    return {
      data: {
        category: body.category,
        classificationReason: body.reason ?? null,
        classifiedAt: ctx.now,
        forwardBy: forwardBy ?? null,
      },
      details: { category: body.category, reason: body.reason },
      eventId: event.id,
    };
  }

  forward(ctx: TransitionContext, body: ActionBody<'forward'>): TransitionOutcome {
    const forwardBy = ctx.feedback.forwardBy ?? this.forwardByOf(ctx);
    const event = ctx.events.publish(feedbackForwarded, {
      ...factsOf(ctx),
      ...(body.agencyCode ? { toAgencyCode: body.agencyCode } : {}),
      toAgencyName: body.agencyName,
      forwardBy: forwardBy.toISOString(),
      forwardedBy: ctx.actor,
    });
    return {
      data: {
        forwardToAgencyCode: body.agencyCode ?? null,
        forwardToAgencyName: body.agencyName,
        forwardedAt: ctx.now,
      },
      details: { ...body, onTime: ctx.now <= forwardBy },
      eventId: event.id,
    };
  }

  assign(ctx: TransitionContext, body: ActionBody<'assign'>): TransitionOutcome {
    const event = ctx.events.publish(feedbackAssigned, {
      ...factsOf(ctx),
      assignee: {
        unitCode: body.unitCode,
        ...(body.officerId ? { officerId: body.officerId } : {}),
      },
      answerBy: ctx.feedback.answerBy.toISOString(),
    });
    return {
      data: {
        assignedUnit: body.unitCode,
        assignedOfficerId: body.officerId ?? null,
        responsibleUnit: body.unitCode,
      },
      details: body,
      eventId: event.id,
    };
  }

  requestInfo(ctx: TransitionContext, body: ActionBody<'request-info'>): TransitionOutcome {
    const firstRequest = ctx.feedback.infoRequestCount === 0;
    const event = ctx.events.publish(feedbackInfoRequested, {
      ...factsOf(ctx),
      firstRequest,
      requestedBy: ctx.actor,
      dueDate: ctx.feedback.firstInfoRequestBy.toISOString(),
    });
    return {
      data: { infoRequestCount: { increment: 1 } },
      details: {
        reason: body.reason,
        firstRequest,
        onTime: !firstRequest || ctx.now <= ctx.feedback.firstInfoRequestBy,
      },
      eventId: event.id,
    };
  }

  /** No event: the contracts have none for received information; the log keeps it. */
  infoReceived(_ctx: TransitionContext, body: ActionBody<'info-received'>): TransitionOutcome {
    return { data: {}, details: body };
  }

  answer(ctx: TransitionContext, body: ActionBody<'answer'>): TransitionOutcome {
    const event = ctx.events.publish(feedbackAnswered, {
      ...factsOf(ctx),
      answeredBy: ctx.actor,
      answerBy: ctx.feedback.answerBy.toISOString(),
      approvalRequired: true,
    });
    return {
      data: { answerText: body.answer, answeredAt: ctx.now },
      details: { onTime: ctx.now <= ctx.feedback.answerBy },
      eventId: event.id,
    };
  }

  /** The leader sends the draft back; no event (the item stays in handling). */
  returnAnswer(_ctx: TransitionContext, body: ActionBody<'return-answer'>): TransitionOutcome {
    return { data: { answeredAt: null }, details: body };
  }

  approve(ctx: TransitionContext): TransitionOutcome {
    const publishBy = publishByAfter(ctx.now, ctx.feedback.policyId);
    const event = ctx.events.publish(feedbackAnswerApproved, {
      ...factsOf(ctx),
      approvedBy: ctx.actor,
      publishBy: publishBy.toISOString(),
    });
    return {
      data: { approvedAt: ctx.now, publishBy },
      details: { publishBy: publishBy.toISOString() },
      eventId: event.id,
    };
  }

  publish(ctx: TransitionContext): TransitionOutcome {
    const f = ctx.feedback;
    const publishBy = f.publishBy ?? publishByAfter(f.approvedAt ?? ctx.now, f.policyId);
    const base = this.config.PUBLIC_BASE_URL?.replace(/\/$/, '');
    const event = ctx.events.publish(feedbackPublished, {
      ...factsOf(ctx),
      publishBy: publishBy.toISOString(),
      publishedBy: ctx.actor,
      ...(base ? { url: `${base}/public/feedback/answers/${f.code}` } : {}),
    });
    const text = [f.title, f.content, f.answerText ?? ''].map(maskLongNumbers);
    const searchText = foldVietnamese(
      [f.code, f.procedureCode ?? '', f.procedureName ?? '', f.regulationRef ?? '', ...text].join(
        ' ',
      ),
    );
    return {
      data: { publishedAt: ctx.now, searchText },
      details: { onTime: ctx.now <= publishBy },
      eventId: event.id,
    };
  }

  /** Counted from receipt under the item's policy (limit "forward"). */
  private forwardByOf(ctx: TransitionContext): Date {
    return forwardByAfter(ctx.feedback.receivedAt, ctx.feedback.policyId);
  }
}
