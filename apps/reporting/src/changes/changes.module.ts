import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { ChangeFeed } from './change-feed.service';

/** The projections' change notices, fanned out to every instance (live dashboard, answer cache). */
@Module({
  imports: [ProjectionsModule],
  providers: [ChangeFeed],
  exports: [ChangeFeed],
})
export class ChangesModule {}
