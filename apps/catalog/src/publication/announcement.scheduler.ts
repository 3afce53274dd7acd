import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@motcua/observability';
import { CATALOG_CONFIG, type CatalogConfig } from '../config';
import { AnnouncementService } from './announcement.service';

/**
 * Announces decisions whose effective date has come (Asia/Ho_Chi_Minh): on start, then
 * every CATALOG_ANNOUNCE_INTERVAL_MS. Safe with several instances: each decision is
 * announced in its own transaction under the publication advisory lock.
 */
@Injectable()
export class AnnouncementScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly announcements: AnnouncementService,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.CATALOG_ANNOUNCE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Announces every due decision, one transaction each; a pass already running is not doubled. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      for (let id = await this.announcements.announceNextDue(); id; id = await this.announcements.announceNextDue()) {
        this.logger.info({ decisionId: id }, 'publication decision announced');
      }
    } catch (error) {
      this.logger.error({ err: error }, 'announcing due publication decisions failed; will retry');
    }
  }
}
