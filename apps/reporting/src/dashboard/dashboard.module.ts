import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { DashboardController } from './dashboard.controller';
import { LiveUpdatesService } from './live-updates.service';

/** The dashboard page (served asset files) and its live updates. */
@Module({
  imports: [ProjectionsModule],
  controllers: [DashboardController],
  providers: [LiveUpdatesService],
})
export class DashboardModule {}
