import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { DashboardController } from './dashboard/dashboard.controller';
import { LiveUpdatesService } from './dashboard/live-updates.service';
import { Evaluation61Controller } from './evaluation-61/evaluation61.controller';
import { Evaluation61Repository } from './evaluation-61/evaluation61.repository';
import { Evaluation61Service } from './evaluation-61/evaluation61.service';
import { FiguresController } from './figures/figures.controller';
import { FiguresRepository } from './figures/figures.repository';
import { StageFiguresRepository } from './figures/stage-figures.repository';
import { InterAgencyRepository } from './figures/inter-agency.repository';
import { FiguresService } from './figures/figures.service';
import { ListsRepository } from './figures/lists.repository';
import { Index766Controller } from './index-766/index-766.controller';
import { CatalogProjector } from './projections/catalog.projector';
import { DigitizationProjector } from './projections/digitization.projector';
import { Index766Repository } from './index-766/index-766.repository';
import { Index766Service } from './index-766/index-766.service';
import { PortalAckProjector } from './projections/portal-ack.projector';
import { DossierProjector } from './projections/dossier.projector';
import { FeedbackProjector } from './projections/feedback.projector';
import { GenerationRepository } from './projections/generation.repository';
import { ProjectionConsumers } from './projections/projection-consumers.service';
import { ProjectionHandlers } from './projections/projection.handlers';
import { ProjectionSubscriptions } from './projections/projection-subscriptions';
import { RebuildController } from './rebuild/rebuild.controller';
import { RebuildService } from './rebuild/rebuild.service';
import { ReportingDatabase } from './reporting.database';
import { ReportScope } from './reports/report-scope';
import { ReportService } from './reports/report.service';
import { ReportsController } from './reports/reports.controller';

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
      ],
      controllers: [
        FiguresController,
        Index766Controller,
        Evaluation61Controller,
        DashboardController,
        RebuildController,
        ReportsController,
        ProjectionHandlers,
      ],
      providers: [
        DossierProjector,
        FeedbackProjector,
        DigitizationProjector,
        PortalAckProjector,
        CatalogProjector,
        ProjectionSubscriptions,
        GenerationRepository,
        ProjectionConsumers,
        RebuildService,
        FiguresRepository,
        StageFiguresRepository,
        InterAgencyRepository,
        ListsRepository,
        FiguresService,
        LiveUpdatesService,
        ReportService,
        ReportScope,
        Evaluation61Repository,
        Evaluation61Service,
        Index766Repository,
        Index766Service,
      ],
    };
  }
}
