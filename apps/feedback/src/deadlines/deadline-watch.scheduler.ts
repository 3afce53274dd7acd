import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@motcua/observability';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { DeadlineWatchService, type NoticeKind } from './deadline-watch.service';

/** Runs the deadline watch on start and every FEEDBACK_DEADLINE_INTERVAL_MS; a pass already running is not doubled. */
@Injectable()
export class DeadlineWatchScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly watch: DeadlineWatchService,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.FEEDBACK_DEADLINE_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      for (const kind of ['overdue', 'due_soon'] as NoticeKind[]) {
        for (let n = await this.watch.announceBatch(kind); n > 0; n = await this.watch.announceBatch(kind)) {
          this.logger.info({ kind, announced: n }, 'feedback deadlines announced');
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'feedback deadline watch failed; will retry');
    }
  }
}
