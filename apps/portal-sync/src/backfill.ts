import type { Pool } from 'pg';
import { portalChangesPageSchema } from '@motcua/contracts';
import type { PortalSyncConfig } from './config';
import { applyStatus, readCursor, saveCursor } from './portal-table';

/**
 * Catches up from the changes feed (GET /portal/changes) from the cursor saved last time, page by
 * page, saving the cursor after each page: what the stream missed while the consumer was away
 * (or before the portal existed) arrives here. Returns how many changes it read.
 */
export async function backfill(pool: Pool, config: PortalSyncConfig): Promise<number> {
  let after = await readCursor(pool);
  let read = 0;
  for (;;) {
    const url = new URL('/portal/changes', config.DOSSIERS_URL);
    url.searchParams.set('limit', '500');
    if (after) url.searchParams.set('after', after);
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${config.PORTAL_TOKEN}` },
    });
    if (!response.ok) throw new Error(`changes feed answered ${response.status}`);
    const page = portalChangesPageSchema.parse(await response.json());
    for (const change of page.changes) await applyStatus(pool, change);
    read += page.changes.length;
    after = page.nextCursor;
    await saveCursor(pool, after);
    if (!page.hasMore) return read;
  }
}
