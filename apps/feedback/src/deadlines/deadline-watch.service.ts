import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import { feedbackDueSoon, feedbackOverdue } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import type { Feedback } from '../generated/prisma/client';
import { dueSoonHorizon } from '../policy/feedback-deadlines';
import { workingHoursBetween } from '../policy/office-hours';
import { policyFor } from '../policy/time-limit-policy.constant';
import type { FeedbackStage } from '../policy/time-limit-policy.types';

export type NoticeKind = 'due_soon' | 'overdue';

const BATCH = 50;

/**
 * Announces due-soon and overdue time limits once each: the notice row (unique per feedback,
 * stage and kind) is inserted in the transaction that publishes the event, and candidates are
 * taken with FOR UPDATE SKIP LOCKED, so several instances and restarts never announce twice.
 */
@Injectable()
export class DeadlineWatchService {
  constructor(private readonly uow: UnitOfWork<FeedbackTx>) {}

  /** One batch of one kind; returns how many were announced. */
  announceBatch(kind: NoticeKind, now = new Date()): Promise<number> {
    return this.uow.run(async (tx, events) => {
      const upper = kind === 'overdue' ? now : dueSoonHorizon(now, policyFor(toLocalDate(now)));
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT f.id FROM feedback f
         WHERE f.current_deadline IS NOT NULL AND f.current_deadline <= $1 ${kind === 'due_soon' ? 'AND f.current_deadline > $3' : ''}
           AND NOT EXISTS (SELECT 1 FROM feedback_deadline_notice n WHERE n.feedback_id = f.id AND n.stage = f.current_stage AND n.kind = $2)
         ORDER BY f.current_deadline LIMIT ${BATCH} FOR UPDATE OF f SKIP LOCKED`,
        upper,
        kind,
        ...(kind === 'due_soon' ? [now] : []),
      );
      let announced = 0;
      for (const { id } of rows) {
        const f = await tx.feedback.findUniqueOrThrow({ where: { id } });
        if (!f.currentStage || !f.currentDeadline) continue;
        const inserted = await tx.$executeRawUnsafe(
          `INSERT INTO feedback_deadline_notice (feedback_id, stage, kind, deadline) VALUES ($1::uuid, $2, $3, $4) ON CONFLICT DO NOTHING`,
          f.id,
          f.currentStage,
          kind,
          f.currentDeadline,
        );
        if (inserted === 0) continue;
        this.publish(events, kind, f, now);
        announced += 1;
      }
      return announced;
    });
  }

  private publish(
    events: Parameters<Parameters<UnitOfWork<FeedbackTx>['run']>[0]>[1],
    kind: NoticeKind,
    f: Feedback,
    now: Date,
  ): void {
    const deadline = {
      stage: f.currentStage as FeedbackStage,
      responsibleUnitCode: f.responsibleUnit,
      deadline: f.currentDeadline!.toISOString(),
    };
    const facts = {
      feedbackId: f.id,
      feedbackCode: f.code,
      agencyCode: f.agencyCode,
      occurredAt: now.toISOString(),
    };
    if (kind === 'overdue')
      events.publish(feedbackOverdue, { ...facts, deadline, overdueSince: deadline.deadline });
    else
      events.publish(feedbackDueSoon, {
        ...facts,
        deadline,
        workingHoursLeft: workingHoursBetween(now, f.currentDeadline!),
      });
  }
}
