import { Injectable } from '@nestjs/common';
import {
  decodePortalCursor,
  encodePortalCursor,
  PORTAL_FEED_START,
  type PortalChange,
  type PortalChangesPage,
  type PortalCursor,
} from '@motcua/contracts';
import type { SqlTransaction } from '@motcua/messaging';
import { DossiersDatabase } from '../dossiers.database';

type ChangeRow = {
  position: bigint;
  txid: bigint;
  dossier_code: string;
  sequence: number;
  event_id: string;
  changed_at: Date;
  status: PortalChange['status'];
};

/**
 * Reads portal_change in a stable order for the feed and the webhooks. The cursor is (writing
 * transaction, position), and only changes of transactions older than every one still running are
 * served: a change committed later always sorts after a cursor already handed out, so a reader that
 * follows the cursors misses nothing, whatever order concurrent transactions commit in.
 */
/** The largest position: with a transaction id, a cursor after every change of that transaction. */
export const MAX_POSITION = '9223372036854775807';

export const STABLE_CHANGES_SQL = `SELECT position, txid, dossier_code, sequence, event_id, changed_at, status
  FROM portal_change
  WHERE (txid, position) > ($1::bigint, $2::bigint)
    AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
  ORDER BY txid, position LIMIT $3`;

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

export async function readChanges(
  db: SqlTransaction,
  after: PortalCursor,
  limit: number,
): Promise<{ rows: ChangeRow[]; changes: PortalChange[] }> {
  const rows = await db.$queryRawUnsafe<ChangeRow[]>(
    STABLE_CHANGES_SQL,
    after.txid.toString(),
    after.position.toString(),
    limit,
  );
  return { rows, changes: rows.map(toPortalChange) };
}

/** `GET /portal/changes`: one page of the feed after a cursor. */
@Injectable()
export class PortalChangesService {
  constructor(private readonly db: DossiersDatabase) {}

  async page(after: string | undefined, limit: number, since?: string): Promise<PortalChangesPage> {
    const cursor = since ? await this.cursorBefore(since) : (after ?? PORTAL_FEED_START);
    // One more than asked tells whether more wait.
    const { changes } = await readChanges(this.db, decodePortalCursor(cursor), limit + 1);
    const page = changes.slice(0, limit);
    return {
      changes: page,
      nextCursor: page.length > 0 ? page[page.length - 1].cursor : cursor,
      hasMore: changes.length > limit,
    };
  }

  /**
   * The cursor just before the first change (in feed order) made at or after `since` (served by the
   * index on changed_at); the feed's present when none was. A change of a transaction that began
   * before `since` may follow it: latest-wins by sequence makes that harmless.
   */
  private async cursorBefore(since: string): Promise<string> {
    const [first] = await this.db.$queryRawUnsafe<{ txid: string; position: string }[]>(
      `SELECT txid::text, position::text FROM portal_change WHERE changed_at >= $1::timestamptz
        ORDER BY txid, position LIMIT 1`,
      since,
    );
    if (first)
      return encodePortalCursor({
        txid: BigInt(first.txid),
        position: BigInt(first.position) - 1n,
      });
    // None yet: the feed's present, as a webhook registered `from: now` starts (later commits follow it).
    const [now] = await this.db.$queryRawUnsafe<{ txid: string }[]>(
      `SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1)::text AS txid`,
    );
    return encodePortalCursor({ txid: BigInt(now.txid), position: BigInt(MAX_POSITION) });
  }
}
