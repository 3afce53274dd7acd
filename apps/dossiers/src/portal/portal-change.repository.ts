import { Injectable } from '@nestjs/common';
import { encodePortalCursor, type PortalChange, type PortalCursor } from '@motcua/contracts';
import type { SqlTransaction } from '@motcua/messaging';
import { DossiersDatabase } from '../dossiers.database';

/** A row of portal_change as the feed and the webhooks read it. */
export type ChangeRow = {
  position: bigint;
  txid: bigint;
  dossier_code: string;
  sequence: number;
  event_id: string;
  changed_at: Date;
  status: PortalChange['status'];
};

/** The largest position: with a transaction id, a cursor after every change of that transaction. */
export const MAX_POSITION = '9223372036854775807';
/** The transaction before the oldest running one: with MAX_POSITION, the cursor of "now". */
export const PRESENT_TXID = `pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1`;

const PRUNE_BATCH = 5000;

export function toPortalChange(row: ChangeRow): PortalChange {
  return {
    cursor: encodePortalCursor({ txid: BigInt(row.txid), position: BigInt(row.position) }),
    dossierCode: row.dossier_code,
    sequence: Number(row.sequence),
    changedAt: new Date(row.changed_at).toISOString(),
    eventId: row.event_id,
    status: row.status,
  };
}

/**
 * Reads portal_change in a stable order for the feed and the webhooks. The cursor is (writing
 * transaction, position), and only changes of transactions older than every one still running are
 * served: a change committed later always sorts after a cursor already handed out, so a reader that
 * follows the cursors misses nothing, whatever order concurrent transactions commit in.
 */
export function readChanges(
  db: SqlTransaction,
  after: { txid: bigint | string; position: bigint | string },
  limit: number,
): Promise<ChangeRow[]> {
  return db.$queryRawUnsafe<ChangeRow[]>(
    `SELECT position, txid, dossier_code, sequence, event_id, changed_at, status
      FROM portal_change
      WHERE (txid, position) > ($1::bigint, $2::bigint)
        AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      ORDER BY txid, position LIMIT $3`,
    after.txid.toString(),
    after.position.toString(),
    limit,
  );
}

/** The feed's changes (portal_change): read in cursor order, found by time, pruned. */
@Injectable()
export class PortalChangeRepository {
  constructor(private readonly db: DossiersDatabase) {}

  read(after: PortalCursor, limit: number): Promise<ChangeRow[]> {
    return readChanges(this.db, after, limit);
  }

  /** The first change (in feed order) made at or after `since` (served by the index on changed_at). */
  async firstSince(since: string): Promise<PortalCursor | undefined> {
    const [first] = await this.db.$queryRawUnsafe<{ txid: string; position: string }[]>(
      `SELECT txid::text, position::text FROM portal_change WHERE changed_at >= $1::timestamptz
        ORDER BY txid, position LIMIT 1`,
      since,
    );
    return first && { txid: BigInt(first.txid), position: BigInt(first.position) };
  }

  /** The feed's present: after every change already readable (later commits follow it). */
  async present(): Promise<PortalCursor> {
    const [now] = await this.db.$queryRawUnsafe<{ txid: string }[]>(
      `SELECT (${PRESENT_TXID})::text AS txid`,
    );
    return { txid: BigInt(now.txid), position: BigInt(MAX_POSITION) };
  }

  /**
   * Deletes, in batches, the portal changes older than `retentionDays` that a newer change of the
   * same dossier supersedes, with their delivered webhook deliveries. Kept: the latest change of
   * every dossier (so reading the feed from the beginning still gives every dossier's current
   * status, as the compacted portal topic does) and any change a pending or dead-lettered delivery
   * still needs. Returns how many changes were deleted.
   */
  async prune(retentionDays: number): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.db.$executeRawUnsafe(
        `WITH doomed AS (
           SELECT c.position FROM portal_change c
            WHERE c.changed_at < now() - make_interval(days => $1::int)
              AND EXISTS (SELECT 1 FROM portal_change n
                           WHERE n.dossier_code = c.dossier_code AND n.sequence > c.sequence)
              AND NOT EXISTS (SELECT 1 FROM portal_webhook_delivery d
                               WHERE d.change_position = c.position AND d.state <> 'delivered')
            ORDER BY c.position LIMIT $2),
         delivered AS (
           DELETE FROM portal_webhook_delivery d USING doomed WHERE d.change_position = doomed.position)
         DELETE FROM portal_change c USING doomed WHERE c.position = doomed.position`,
        retentionDays,
        PRUNE_BATCH,
      );
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }
}
