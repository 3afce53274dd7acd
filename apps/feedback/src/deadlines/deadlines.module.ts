import { Module } from '@nestjs/common';
import { DeadlineNoticeRepository } from './deadline-notice.repository';
import { DeadlineWatchScheduler } from './deadline-watch.scheduler';
import { DeadlineWatchService } from './deadline-watch.service';

/** The deadline watch: due-soon and overdue notices of time limits, announced once each. */
@Module({
  providers: [DeadlineWatchService, DeadlineWatchScheduler, DeadlineNoticeRepository],
})
export class DeadlinesModule {}
