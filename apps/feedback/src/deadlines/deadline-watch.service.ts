import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import { feedbackDueSoon, feedbackOverdue } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import { FeedbackRepository } from '../feedback/feedback.repository';
import type { Feedback } from '../generated/prisma/client';
import { dueSoonHorizon } from '../policy/feedback-deadlines';
import { workingHoursBetween } from '../policy/office-hours';
import { policyFor } from '../policy/time-limit-policy.constant';
import type { FeedbackStage } from '../policy/time-limit-policy.types';
import { DeadlineNoticeRepository, type NoticeKind } from './deadline-notice.repository';

export type { NoticeKind };

const BATCH = 50;

/**
 * Announces due-soon and overdue time limits once each: the notice row (unique per feedback,
 * stage and kind) is inserted in the transaction that publishes the event, and candidates are
 * taken with FOR UPDATE SKIP LOCKED, so several instances and restarts never announce twice.
 */
@Injectable()
export class DeadlineWatchService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly notices: DeadlineNoticeRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  /** One batch of one kind; returns how many were announced. */
  announceBatch(kind: NoticeKind, now = new Date()): Promise<number> {
    return this.uow.run(async (tx, events) => {
      const upper = kind === 'overdue' ? now : dueSoonHorizon(now, policyFor(toLocalDate(now)));
      const window = { upper, after: kind === 'due_soon' ? now : undefined };
      const ids = await this.notices.lockUnannounced(tx, kind, window, BATCH);
      let announced = 0;
      for (const id of ids) {
        const f = await this.feedback.findById(tx, id);
        if (!f?.currentStage || !f.currentDeadline) continue;
        const notice = {
          feedbackId: f.id,
          stage: f.currentStage,
          kind,
          deadline: f.currentDeadline,
        };
        if (!(await this.notices.record(tx, notice))) continue;
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
