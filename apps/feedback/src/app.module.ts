import { Module, type DynamicModule } from '@nestjs/common';
import { AccessLogModule } from '@motcua/auth';
import { RateLimiter, ServiceKitModule } from '@motcua/http';
import { AgencyTreeCopy, MessagingModule } from '@motcua/messaging';
import { FEEDBACK_CONFIG, type FeedbackConfig } from './config';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { FeedbackCalendarChangeModule } from './calendar-change/feedback-calendar-change.module';
import { DossierLinkModule } from './dossier-link/dossier-link.module';
import { FeedbackDatabase } from './feedback.database';
import { FeedbackCodeService } from './feedback/feedback-code.service';
import { FeedbackRepository } from './feedback/feedback.repository';
import { HandlingModule } from './handling/handling.module';
import { IntakeModule } from './intake/intake.module';
import { ProcedureCopyModule } from './procedure-copy/procedure-copy.module';
import { FeedbackScope } from './scope/feedback-scope';
import { PublicationModule } from './publication/publication.module';

const SHARED = [FeedbackRepository, FeedbackCodeService, RateLimiter, FeedbackScope];

@Module({})
export class AppModule {
  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ServiceKitModule.forRoot({ service: 'feedback', config, database: FeedbackDatabase }),
        MessagingModule.forService({ service: 'feedback', database: FeedbackDatabase }),
        ProcedureCopyModule,
        IntakeModule,
        HandlingModule,
        PublicationModule,
        AccessLogModule.forRoot({
          database: FeedbackDatabase,
          retentionDays: config.ACCESS_LOG_RETENTION_DAYS,
        }),
        DossierLinkModule,
        FeedbackCalendarChangeModule,
        DeadlinesModule,
      ],
      // Event handlers (@EventPattern) are controllers of the inbox transport's microservice.
      controllers: [AgencyTreeCopy],
      providers: [...SHARED, { provide: FEEDBACK_CONFIG, useValue: config }],
      exports: [...SHARED, FEEDBACK_CONFIG],
    };
  }
}
