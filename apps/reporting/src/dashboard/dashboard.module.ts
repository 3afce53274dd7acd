import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { DashboardController } from './dashboard.controller';
import { LiveUpdatesService } from './live-updates.service';

/** The dashboard page (served asset files) and its live updates. */
@Module({
  imports: [ChangesModule],
  controllers: [DashboardController],
  providers: [LiveUpdatesService],
})
export class DashboardModule {}
