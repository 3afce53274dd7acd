import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { DashboardModule } from './dashboard/dashboard.module';
import { Evaluation61Module } from './evaluation-61/evaluation61.module';
import { FiguresModule } from './figures/figures.module';
import { Index766Module } from './index-766/index-766.module';
import { ProjectionsModule } from './projections/projections.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { ReportingDatabase } from './reporting.database';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'reporting', config, database: ReportingDatabase }),
        // Reporting publishes nothing (no relay); its consumer groups are per projection generation (ProjectionConsumers).
        MessagingModule.forService({
          service: 'reporting',
          database: ReportingDatabase,
          relay: false,
          groupId: false,
          consumeThrough: (db: ReportingDatabase) => db.sql, // projections write raw SQL only
        }),
        // One module per feature folder, in the order their routes register.
        FiguresModule,
        Index766Module,
        Evaluation61Module,
        DashboardModule,
        RebuildModule,
        ReportsModule,
        ProjectionsModule,
      ],
    };
  }
}
