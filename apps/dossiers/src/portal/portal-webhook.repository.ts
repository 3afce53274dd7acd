import { Injectable } from '@nestjs/common';
import { DossiersDatabase } from '../dossiers.database';
import {
  MAX_POSITION,
  PRESENT_TXID,
  readChanges,
  type ChangeRow,
} from './portal-change.repository';

export type WebhookRow = { id: string; url: string; created_at: Date };
export type DeadLetterRow = {
  id: bigint;
  attempts: number;
  last_error: string | null;
  dossier_code: string;
  sequence: number;
  cursor: string;
};
/** A claimed delivery: the change to send and where to. */
export type DueDelivery = ChangeRow & { id: bigint; attempts: number; url: string; secret: string };

/** The webhook subscriptions (portal_webhook) and their deliveries (portal_webhook_delivery). */
@Injectable()
export class PortalWebhookRepository {
  constructor(private readonly db: DossiersDatabase) {}

  /** A subscription whose cursor is the feed's beginning, or its present (`now`). */
  async create(
    webhook: { id: string; ownerSubject: string; url: string; secret: string },
    from: 'beginning' | 'now',
  ): Promise<WebhookRow> {
    const start =
      from === 'beginning' ? `0::bigint, 0::bigint` : `${PRESENT_TXID}, ${MAX_POSITION}::bigint`;
    const [row] = await this.db.$queryRawUnsafe<WebhookRow[]>(
      `INSERT INTO portal_webhook (id, owner_subject, url, secret, cursor_txid, cursor_position)
       SELECT $1::uuid, $2, $3, $4, ${start} RETURNING id, url, created_at`,
      webhook.id,
      webhook.ownerSubject,
      webhook.url,
      webhook.secret,
    );
    return row;
  }

  listOwned(ownerSubject: string): Promise<WebhookRow[]> {
    return this.db.$queryRawUnsafe<WebhookRow[]>(
      `SELECT id, url, created_at FROM portal_webhook
        WHERE owner_subject = $1 AND deleted_at IS NULL ORDER BY created_at`,
      ownerSubject,
    );
  }

  async isOwned(id: string, ownerSubject: string): Promise<boolean> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM portal_webhook WHERE id = $1::uuid AND owner_subject = $2 AND deleted_at IS NULL`,
      id,
      ownerSubject,
    );
    return rows.length > 0;
  }

  async remove(id: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook SET deleted_at = now() WHERE id = $1::uuid`,
      id,
    );
  }

  /** Deliveries that failed every attempt, newest first. */
  deadLetters(id: string): Promise<DeadLetterRow[]> {
    return this.db.$queryRawUnsafe<DeadLetterRow[]>(
      `SELECT d.id, d.attempts, d.last_error, c.dossier_code, c.sequence, c.txid || '.' || c.position AS cursor
         FROM portal_webhook_delivery d JOIN portal_change c ON c.position = d.change_position
        WHERE d.webhook_id = $1::uuid AND d.state = 'dead' ORDER BY d.id DESC LIMIT 1000`,
      id,
    );
  }

  /** Dead letters back in the queue with fresh attempts (all of them, or the ones named); how many. */
  redeliver(id: string, deliveryIds: string[] | null): Promise<number> {
    return this.db.$executeRawUnsafe(
      `UPDATE portal_webhook_delivery
          SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE webhook_id = $1::uuid AND state = 'dead'
          AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))`,
      id,
      deliveryIds,
    );
  }

  async activeIds(): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM portal_webhook WHERE deleted_at IS NULL`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * One subscription's fan-out, in one transaction under its row lock (SKIP LOCKED: another instance
   * has it): the changes after its cursor (at most `batch`) become pending deliveries and the cursor moves.
   */
  async fanOut(id: string, batch: number): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const [webhook] = await tx.$queryRawUnsafe<
        { cursor_txid: bigint; cursor_position: bigint }[]
      >(
        `SELECT cursor_txid, cursor_position FROM portal_webhook
          WHERE id = $1::uuid AND deleted_at IS NULL FOR UPDATE SKIP LOCKED`,
        id,
      );
      if (!webhook) return;
      const changes = await readChanges(
        tx,
        { txid: webhook.cursor_txid, position: webhook.cursor_position },
        batch,
      );
      if (changes.length === 0) return;
      const last = changes[changes.length - 1];
      await tx.$executeRawUnsafe(
        `INSERT INTO portal_webhook_delivery (webhook_id, change_position, state, next_attempt_at)
         SELECT $1::uuid, unnest($2::bigint[]), 'pending', now() ON CONFLICT DO NOTHING`,
        id,
        changes.map((c) => c.position.toString()),
      );
      await tx.$executeRawUnsafe(
        `UPDATE portal_webhook SET cursor_txid = $2::bigint, cursor_position = $3::bigint WHERE id = $1::uuid`,
        id,
        last.txid.toString(),
        last.position.toString(),
      );
    });
  }

  /**
   * Claims up to `batch` due deliveries for `leaseMs` (round robin over the subscriptions, so a dead
   * receiver's backlog never starves the others). No SKIP LOCKED: a row another instance claimed
   * meanwhile fails the re-checked WHERE.
   */
  claimDue(leaseMs: number, batch: number): Promise<DueDelivery[]> {
    return this.db.$queryRawUnsafe<DueDelivery[]>(
      `WITH due AS (
         SELECT d.id, row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS turn
           FROM portal_webhook_delivery d JOIN portal_webhook w ON w.id = d.webhook_id
          WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND w.deleted_at IS NULL),
       claimed AS (
         UPDATE portal_webhook_delivery SET next_attempt_at = now() + make_interval(secs => $1::double precision / 1000)
          WHERE id IN (SELECT id FROM due ORDER BY turn, id LIMIT $2)
            AND state = 'pending' AND next_attempt_at <= now()
          RETURNING id, webhook_id, change_position, attempts)
       SELECT claimed.id, claimed.attempts, w.url, w.secret, c.position, c.txid, c.dossier_code,
              c.sequence, c.event_id, c.changed_at, c.status
         FROM claimed JOIN portal_webhook w ON w.id = claimed.webhook_id
         JOIN portal_change c ON c.position = claimed.change_position`,
      leaseMs,
      batch,
    );
  }

  async markDelivered(id: bigint, attempts: number): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook_delivery SET state = 'delivered', attempts = $2, delivered_at = now(), last_error = NULL
        WHERE id = $1::bigint`,
      id.toString(),
      attempts,
    );
  }

  /** A failed attempt: pending again after `delayMs`, or dead-lettered when there is none. */
  async markFailed(
    id: bigint,
    attempts: number,
    error: string,
    delayMs: number | undefined,
  ): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE portal_webhook_delivery
          SET attempts = $2, last_error = $3,
              state = CASE WHEN $4::double precision IS NULL THEN 'dead' ELSE 'pending' END,
              next_attempt_at = now() + make_interval(secs => COALESCE($4::double precision, 0) / 1000)
        WHERE id = $1::bigint`,
      id.toString(),
      attempts,
      error.slice(0, 500),
      delayMs ?? null,
    );
  }
}
