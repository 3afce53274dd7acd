import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG } from '../config';
import { DossiersDatabase } from '../dossiers.database';
import type { PortalConfig } from './portal.config';

const PRUNE_BATCH = 5000;

type RawSql = Pick<DossiersDatabase, '$executeRawUnsafe'>;

/**
 * Deletes, in batches, the portal changes older than `retentionDays` that a newer change of the
 * same dossier supersedes, with their delivered webhook deliveries. Kept: the latest change of
 * every dossier (so reading the feed from the beginning still gives every dossier's current
 * status, as the compacted portal topic does) and any change a pending or dead-lettered delivery
 * still needs. Returns how many changes were deleted.
 */
export async function prunePortalChanges(db: RawSql, retentionDays: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRawUnsafe(
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

/** Runs prunePortalChanges every PORTAL_CHANGE_PRUNE_INTERVAL_MS (docs/portal-integration.md). */
@Injectable()
export class PortalChangePruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    db: DossiersDatabase,
    @Inject(DOSSIERS_CONFIG) private readonly config: PortalConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.job = new PeriodicJob(
      'portal change pruning',
      async () => {
        const deleted = await prunePortalChanges(db, config.PORTAL_CHANGE_RETENTION_DAYS);
        if (deleted > 0) logger.info({ deleted }, 'portal changes pruned');
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.PORTAL_CHANGE_PRUNE_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
