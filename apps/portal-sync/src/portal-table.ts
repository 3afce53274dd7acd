import type { Pool } from 'pg';
import type { PortalDossierStatus } from '@motcua/contracts';

/**
 * The portal's own copy of the dossier statuses (bảng trạng thái hồ sơ của cổng), kept latest-wins:
 * a status is written only if its sequence is higher than the one held, so replays, duplicates and
 * the feed and the stream overlapping never move a dossier backwards.
 */
export async function ensurePortalTables(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS portal_dossier_status (
    dossier_code TEXT PRIMARY KEY,
    sequence INTEGER NOT NULL,
    portal_status INTEGER NOT NULL,
    changed_at TIMESTAMPTZ(3) NOT NULL,
    status JSONB NOT NULL,
    synced_at TIMESTAMPTZ(3) NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE IF NOT EXISTS portal_sync_cursor (
    feed TEXT PRIMARY KEY,
    cursor TEXT NOT NULL)`);
}

export type StatusChange = {
  dossierCode: string;
  sequence: number;
  changedAt: string;
  status: PortalDossierStatus;
};

/** Applies one status; returns whether it was newer than the one held. */
export async function applyStatus(pool: Pool, change: StatusChange): Promise<boolean> {
  const result = await pool.query(
    `INSERT INTO portal_dossier_status AS held (dossier_code, sequence, portal_status, changed_at, status)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (dossier_code) DO UPDATE
       SET sequence = EXCLUDED.sequence, portal_status = EXCLUDED.portal_status,
           changed_at = EXCLUDED.changed_at, status = EXCLUDED.status, synced_at = now()
       WHERE held.sequence < EXCLUDED.sequence`,
    [
      change.dossierCode,
      change.sequence,
      change.status.portalStatus,
      change.changedAt,
      change.status,
    ],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function readCursor(pool: Pool): Promise<string | undefined> {
  const { rows } = await pool.query<{ cursor: string }>(
    `SELECT cursor FROM portal_sync_cursor WHERE feed = 'changes'`,
  );
  return rows[0]?.cursor;
}

export async function saveCursor(pool: Pool, cursor: string): Promise<void> {
  await pool.query(
    `INSERT INTO portal_sync_cursor (feed, cursor) VALUES ('changes', $1)
     ON CONFLICT (feed) DO UPDATE SET cursor = EXCLUDED.cursor`,
    [cursor],
  );
}
