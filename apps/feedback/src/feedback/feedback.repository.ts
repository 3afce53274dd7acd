import { Injectable } from '@nestjs/common';
import type { Feedback, Prisma } from '../generated/prisma/client';
import type { FeedbackTx } from '../feedback.database';
import type { FeedbackStatus } from './feedback-status';

type Reader = Pick<FeedbackTx, 'feedback' | 'feedbackActionLog'>;

export type LogEntry = {
  feedbackId: string;
  action: string;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus;
  actorSubject: string;
  actorUnit: string | null;
  details: Prisma.InputJsonValue;
  occurredAt: Date;
};

/** The officers' listing filter (the query of `GET /feedback`) and the caller's scope. */
export type FeedbackListFilter = {
  status?: FeedbackStatus;
  procedureCode?: string;
  overdue?: boolean;
  title?: string;
  limit: number;
  offset: number;
  /** Only items of these agencies (the caller's scope); undefined for every agency. */
  agencies?: string[];
};

/** Queries on feedback items and their action log. */
@Injectable()
export class FeedbackRepository {
  findById(db: Reader, id: string): Promise<Feedback | null> {
    return db.feedback.findUnique({ where: { id } });
  }

  findByCode(db: Reader, code: string): Promise<Feedback | null> {
    return db.feedback.findUnique({ where: { code } });
  }

  /** Locks the item for the rest of the transaction (transitions and the deadline watch serialise on it). */
  async lockForUpdate(tx: FeedbackTx, id: string): Promise<Feedback | null> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM feedback WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows.length === 0 ? null : tx.feedback.findUnique({ where: { id } });
  }

  /** The latest item of the same submitter (contact or client) with the same folded content, received since `since`. */
  findRecentDuplicate(
    tx: FeedbackTx,
    contentHash: string,
    keys: { senderKey?: string; clientKey?: string },
    since: Date,
  ): Promise<Feedback | null> {
    const who: Prisma.FeedbackWhereInput[] = [];
    if (keys.senderKey) who.push({ senderKey: keys.senderKey });
    if (keys.clientKey) who.push({ clientKey: keys.clientKey });
    if (who.length === 0) return Promise.resolve(null);
    return tx.feedback.findFirst({
      where: { contentHash, receivedAt: { gte: since }, OR: who },
      orderBy: { receivedAt: 'desc' },
    });
  }

  /** Intakes of the same content wait for each other until the transaction ends. */
  async lockContent(tx: FeedbackTx, contentHash: string): Promise<void> {
    await tx.$queryRawUnsafe(
      `SELECT pg_advisory_xact_lock(hashtext($1))::text`,
      `feedback-intake:${contentHash}`,
    );
  }

  create(tx: FeedbackTx, data: Prisma.FeedbackUncheckedCreateInput): Promise<Feedback> {
    return tx.feedback.create({ data });
  }

  /** Changes the item; its running time limit (stage and deadline) is stored with it, none when null. */
  update(
    tx: FeedbackTx,
    id: string,
    data: Prisma.FeedbackUncheckedUpdateInput,
    running: { stage: string; deadline: Date } | null | undefined,
  ): Promise<Feedback> {
    return tx.feedback.update({
      where: { id },
      data: {
        ...data,
        currentStage: running?.stage ?? null,
        currentDeadline: running?.deadline ?? null,
      },
    });
  }

  /** The submitter's one satisfaction rating of the published answer. */
  rate(
    tx: FeedbackTx,
    id: string,
    satisfaction: NonNullable<Feedback['satisfaction']>,
    ratedAt: Date,
  ): Promise<Feedback> {
    return tx.feedback.update({ where: { id }, data: { satisfaction, ratedAt } });
  }

  /** The next number of the year's sequence; the counter row serialises concurrent intakes. */
  async nextCodeSequence(tx: FeedbackTx, year: number): Promise<number> {
    const rows = await tx.$queryRawUnsafe<{ last: number }[]>(
      `INSERT INTO feedback_code_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = feedback_code_counter.last + 1 RETURNING last`,
      year,
    );
    return rows[0].last;
  }

  history(db: Reader, feedbackId: string) {
    return db.feedbackActionLog.findMany({ where: { feedbackId }, orderBy: { id: 'asc' } });
  }

  async appendLog(tx: FeedbackTx, entry: LogEntry): Promise<void> {
    await tx.feedbackActionLog.create({ data: entry });
  }

  list(db: Reader, filter: FeedbackListFilter) {
    const where: Prisma.FeedbackWhereInput = {
      ...(filter.agencies ? { agencyCode: { in: filter.agencies } } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.procedureCode ? { procedureCode: filter.procedureCode } : {}),
      ...(filter.overdue ? { currentDeadline: { lt: new Date() } } : {}),
      ...(filter.title ? { title: { contains: filter.title, mode: 'insensitive' as const } } : {}),
    };
    return Promise.all([
      db.feedback.findMany({
        where,
        orderBy: { receivedAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      db.feedback.count({ where }),
    ]);
  }

  /** Items about one procedure per status; `agencies` as in `list`. */
  async countByStatus(
    db: Reader,
    procedureCode: string,
    agencies?: string[],
  ): Promise<Record<string, number>> {
    const inScope = agencies ? { agencyCode: { in: agencies } } : {};
    const byStatus = await db.feedback.groupBy({
      by: ['status'],
      where: { procedureCode, ...inScope },
      _count: { _all: true },
    });
    return Object.fromEntries(byStatus.map((g) => [g.status, g._count._all]));
  }
}
