import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { PeriodicJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { CATALOG_CONFIG, type CatalogConfig } from '../config';
import { AnnouncementService } from './announcement.service';

/**
 * Announces decisions whose effective date has come (Asia/Ho_Chi_Minh): on start, then
 * every CATALOG_ANNOUNCE_INTERVAL_MS. Safe with several instances: each decision is
 * announced in its own transaction under the publication advisory lock.
 */
@Injectable()
export class AnnouncementScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly announcements: AnnouncementService,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob(
      'announcing due publication decisions',
      () => this.announceAllDue(),
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.CATALOG_ANNOUNCE_INTERVAL_MS, { runAtStart: true });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** Announces every due decision, one transaction each. */
  private async announceAllDue(): Promise<void> {
    for (
      let id = await this.announcements.announceNextDue();
      id;
      id = await this.announcements.announceNextDue()
    ) {
      this.logger.info({ decisionId: id }, 'publication decision announced');
    }
  }
}
