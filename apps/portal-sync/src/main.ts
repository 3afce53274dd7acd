import { Pool } from 'pg';
import { backfill } from './backfill';
import { portalSyncEnv } from './config';
import { ensurePortalTables } from './portal-table';
import { followStream } from './stream';

/**
 * The sample portal consumer (ví dụ phía cổng DVC): keeps the portal's table of dossier statuses in
 * step with motcua. At start it backfills from the changes feed, then follows the Kafka stream;
 * both apply latest-wins by the dossier's sequence, so it converges whatever it missed, replayed
 * or received twice. See docs/portal-integration.md.
 */
async function main(): Promise<void> {
  const parsed = portalSyncEnv.safeParse(process.env);
  if (!parsed.success) {
    console.error(`portal-sync: bad configuration: ${parsed.error.message}`);
    process.exit(78);
  }
  const config = parsed.data;
  const pool = new Pool({ connectionString: config.PORTAL_SYNC_DATABASE_URL, max: 4 });
  await ensurePortalTables(pool);
  const read = await backfill(pool, config);
  console.log(`portal-sync: backfilled ${read} changes from the feed`);
  const consumer = await followStream(pool, config);
  console.log(`portal-sync: following the stream as group ${config.PORTAL_SYNC_GROUP}`);
  const stop = async () => {
    await consumer.disconnect().catch(() => undefined);
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

void main().catch((error: Error) => {
  console.error(`portal-sync: ${error.stack ?? error.message}`);
  process.exit(1);
});
