import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { feedbackRated } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { FeedbackDatabase, type FeedbackTx } from '../feedback.database';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { trackingView } from '../feedback/feedback.view';
import type { Feedback } from '../generated/prisma/client';
import { notFound } from '../shared/feedback-problems';
import { sha256 } from '../shared/sender-key';

export type Satisfaction =
  'very_satisfied' | 'satisfied' | 'acceptable' | 'dissatisfied' | 'very_dissatisfied';

/** The submitter's side: tracking with the secret token, and one satisfaction rating of the published answer. */
@Injectable()
export class RatingService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly feedback: FeedbackRepository,
    private readonly db: FeedbackDatabase,
  ) {}

  async track(code: string, token: string) {
    return trackingView(await this.authorised(this.db, code, token));
  }

  rate(code: string, token: string, satisfaction: Satisfaction) {
    return this.uow.run(async (tx, events) => {
      const found = await this.authorised(tx, code, token);
      const feedback = await this.feedback.lockForUpdate(tx, found.id);
      if (!feedback) throw notFound(`No feedback ${code}.`);
      if (feedback.status !== 'published' || feedback.satisfaction) {
        throw new DomainProblem(
          409,
          'action-not-allowed',
          'The answer cannot be rated now',
          feedback.satisfaction
            ? 'The answer has already been rated.'
            : `Only a published answer can be rated; the feedback is ${feedback.status}.`,
          { currentStatus: feedback.status, allowedActions: [] },
        );
      }
      const now = new Date();
      const updated = await this.feedback.rate(tx, feedback.id, satisfaction, now);
      const event = events.publish(feedbackRated, {
        feedbackId: feedback.id,
        feedbackCode: feedback.code,
        agencyCode: feedback.agencyCode,
        occurredAt: now.toISOString(),
        satisfaction,
      });
      await this.feedback.appendLog(tx, {
        feedbackId: feedback.id,
        action: 'rate',
        fromStatus: 'published',
        toStatus: 'published',
        actorSubject: 'submitter',
        actorUnit: null,
        details: { satisfaction, eventId: event.id },
        occurredAt: now,
      });
      return trackingView(updated);
    });
  }

  /** 404 for an unknown code and for a wrong token alike: the answer does not reveal which codes exist. */
  private async authorised(
    db: Pick<FeedbackTx, 'feedback' | 'feedbackActionLog'>,
    code: string,
    token: string,
  ): Promise<Feedback> {
    const feedback = await this.feedback.findByCode(db, code);
    const given = Buffer.from(sha256(token), 'hex');
    const stored = Buffer.from(feedback?.trackingTokenHash ?? '00'.repeat(32), 'hex');
    if (!feedback || !timingSafeEqual(given, stored))
      throw notFound(`No feedback ${code} with this tracking token.`);
    return feedback;
  }
}
