import { Inject, Injectable } from '@nestjs/common';
import { ScheduledJob, untilDone } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import { DeadlineWatchService, type NoticeKind } from './deadline-watch.service';

/** Runs the deadline watch on start and every FEEDBACK_DEADLINE_INTERVAL_MS. */
@Injectable()
export class DeadlineWatchScheduler extends ScheduledJob {
  constructor(
    private readonly watch: DeadlineWatchService,
    @Inject(FEEDBACK_CONFIG) config: FeedbackConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const schedule = { intervalMs: config.FEEDBACK_DEADLINE_INTERVAL_MS, runAtStart: true };
    super('feedback deadline watch', schedule, logger);
  }

  protected async pass(): Promise<void> {
    for (const kind of ['overdue', 'due_soon'] as NoticeKind[]) {
      await untilDone(
        () => this.watch.announceBatch(kind),
        (announced) => this.logger.info({ kind, announced }, 'feedback deadlines announced'),
      );
    }
  }
}
