import { Injectable } from '@nestjs/common';
import { calendarVersion } from '@motcua/calendar';
import { FeedbackDatabase, type FeedbackTx } from '../feedback.database';
import type { Feedback } from '../generated/prisma/client';
import { REDERIVED_FEEDBACK_STATUSES } from './feedback-rederivation.rules';

/** Queries on the open feedback items dated with another calendar than the one in force. */
@Injectable()
export class FeedbackRederivationRepository {
  constructor(private readonly db: FeedbackDatabase) {}

  /** The next `limit` such items after `after` (by id), of one agency when given. */
  batchAfter(after: string, limit: number, agencyCode?: string): Promise<Feedback[]> {
    return this.db.feedback.findMany({
      where: {
        status: { in: [...REDERIVED_FEEDBACK_STATUSES] },
        calendarVersion: { not: calendarVersion },
        id: { gt: after },
        ...(agencyCode ? { agencyCode } : {}),
      },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  /** Items the calendar in force leaves as they are are dated with it. */
  async markUnchanged(ids: string[]): Promise<void> {
    await this.db.feedback.updateMany({
      where: { id: { in: ids }, status: { in: [...REDERIVED_FEEDBACK_STATUSES] } },
      data: { calendarVersion },
    });
  }

  /** The latest forwarding date of items forwarded here, from their receipt record. */
  async latestForwardings(ids: string[]): Promise<Map<string, Date>> {
    const rows = await this.db.$queryRawUnsafe<{ feedback_id: string; at: string | null }[]>(
      `SELECT feedback_id, details->'forwarded'->>'latestForwardedAt' AS at FROM feedback_action_log
        WHERE feedback_id = ANY($1::uuid[]) AND action = 'receive'`,
      ids,
    );
    return new Map(rows.filter((r) => r.at).map((r) => [r.feedback_id, new Date(r.at!)]));
  }

  /** Locks the item if it still waits for re-derivation and no other transaction holds it. */
  async lockPending(tx: FeedbackTx, id: string): Promise<boolean> {
    const locked = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT id FROM feedback WHERE id = $1::uuid AND status = ANY($2::text[]) AND calendar_version <> $3 FOR UPDATE SKIP LOCKED`,
      id,
      [...REDERIVED_FEEDBACK_STATUSES],
      calendarVersion,
    );
    return locked.length > 0;
  }
}
