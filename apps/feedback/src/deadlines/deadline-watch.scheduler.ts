import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { PeriodicJob } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { DeadlineWatchService, type NoticeKind } from './deadline-watch.service';

/** Runs the deadline watch on start and every FEEDBACK_DEADLINE_INTERVAL_MS. */
@Injectable()
export class DeadlineWatchScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    private readonly watch: DeadlineWatchService,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob('feedback deadline watch', () => this.announceAll(), logger);
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.FEEDBACK_DEADLINE_INTERVAL_MS, { runAtStart: true });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  private async announceAll(): Promise<void> {
    for (const kind of ['overdue', 'due_soon'] as NoticeKind[]) {
      for (
        let n = await this.watch.announceBatch(kind);
        n > 0;
        n = await this.watch.announceBatch(kind)
      ) {
        this.logger.info({ kind, announced: n }, 'feedback deadlines announced');
      }
    }
  }
}
