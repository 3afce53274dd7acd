import { Injectable } from '@nestjs/common';
import type { FeedbackTx } from '../feedback.database';

export type NoticeKind = 'due_soon' | 'overdue';

/** Queries on the notices of time limits (one per feedback item, stage and kind). */
@Injectable()
export class DeadlineNoticeRepository {
  /**
   * Locks up to `limit` items whose current time limit falls by `upper` (and after `after`, for
   * due-soon notices) and has no notice of this kind for its stage yet; rows another transaction
   * holds are skipped. Earliest time limit first.
   */
  async lockUnannounced(
    tx: FeedbackTx,
    kind: NoticeKind,
    window: { upper: Date; after?: Date },
    limit: number,
  ): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT f.id FROM feedback f
       WHERE f.current_deadline IS NOT NULL AND f.current_deadline <= $1 ${window.after ? 'AND f.current_deadline > $3' : ''}
         AND NOT EXISTS (SELECT 1 FROM feedback_deadline_notice n WHERE n.feedback_id = f.id AND n.stage = f.current_stage AND n.kind = $2)
       ORDER BY f.current_deadline LIMIT ${limit} FOR UPDATE OF f SKIP LOCKED`,
      window.upper,
      kind,
      ...(window.after ? [window.after] : []),
    );
    return rows.map((row) => row.id);
  }

  /** Records the notice; false when one was already recorded. */
  async record(
    tx: FeedbackTx,
    notice: { feedbackId: string; stage: string; kind: NoticeKind; deadline: Date },
  ): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO feedback_deadline_notice (feedback_id, stage, kind, deadline) VALUES ($1::uuid, $2, $3, $4) ON CONFLICT DO NOTHING`,
      notice.feedbackId,
      notice.stage,
      notice.kind,
      notice.deadline,
    );
    return inserted > 0;
  }
}
