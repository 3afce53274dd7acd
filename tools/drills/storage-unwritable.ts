/**
 * Digitization's file storage becomes unwritable (its staging folder, where every upload starts):
 * uploads answer 503/507 problem+json with Retry-After, leave no partial file and no record, and
 * are stored once when it is writable again. The folder must be reachable from where the drill
 * runs: DRILL_STORAGE_DIR (default the stack's .data/digitization/files); locking commands:
 * DRILL_STORAGE_LOCK_CMD / DRILL_STORAGE_UNLOCK_CMD (`{dir}`), default chattr +i as root, chmod otherwise.
 *   node -r ./tools/register-ts.js tools/drills/storage-unwritable.ts
 */
import { runStorageDrill } from '@motcua/stack';
import { env, finish, main, root, stack } from './drill-cli';

main(async () =>
  finish(
    await runStorageDrill({
      stack,
      storageDir: env.DRILL_STORAGE_DIR ?? `${root}/.data/digitization/files`,
    }),
  ),
);
