import { Inject, Injectable } from '@nestjs/common';
import { ScheduledJob, untilDone } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { CATALOG_CONFIG, type CatalogConfig } from '../config';
import { AnnouncementService } from './announcement.service';

/**
 * Announces decisions whose effective date has come (Asia/Ho_Chi_Minh): on start, then
 * every CATALOG_ANNOUNCE_INTERVAL_MS. Safe with several instances: each decision is
 * announced in its own transaction under the publication advisory lock.
 */
@Injectable()
export class AnnouncementScheduler extends ScheduledJob {
  constructor(
    private readonly announcements: AnnouncementService,
    @Inject(CATALOG_CONFIG) config: CatalogConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const schedule = { intervalMs: config.CATALOG_ANNOUNCE_INTERVAL_MS, runAtStart: true };
    super('announcing due publication decisions', schedule, logger);
  }

  /** Announces every due decision, one transaction each. */
  protected pass(): Promise<void> {
    return untilDone(
      () => this.announcements.announceNextDue(),
      (id) => this.logger.info({ decisionId: id }, 'publication decision announced'),
    );
  }
}
