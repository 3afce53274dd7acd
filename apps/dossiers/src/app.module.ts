import { Module, type DynamicModule } from '@nestjs/common';
import { AccessLogModule } from '@motcua/auth';
import { ServiceKitModule } from '@motcua/http';
import { AgencyTreeCopy, MessagingModule } from '@motcua/messaging';
import { CalendarChangeModule } from './calendar-change/calendar-change.module';
import { ContactModule } from './contact/contact.module';
import { DOSSIERS_CONFIG, type DossiersConfig } from './config';
import { DeadlineRepository } from './deadline/deadline.repository';
import { DeadlineWatchService } from './deadline/deadline-watch.service';
import { DossierRepository } from './dossier/dossier.repository';
import { DossiersDatabase } from './dossiers.database';
import { EvaluationModule } from './evaluation/evaluation.module';
import { IntakeModule } from './intake/intake.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LookupModule } from './lookup/lookup.module';
import { ReceivingDeskModule } from './receiving-desk/receiving-desk.module';
import { PortalModule } from './portal/portal.module';
import { DossierScope } from './scope/dossier-scope';
import { ProcedureCopyHandlers } from './procedure-copy/procedure-copy.handlers';
import { ProcedureCopyRepository } from './procedure-copy/procedure-copy.repository';
import { SlipsModule } from './slips/slips.module';

@Module({})
export class AppModule {
  static forRoot(config: DossiersConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ServiceKitModule.forRoot({ service: 'dossiers', config, database: DossiersDatabase }),
        MessagingModule.forService({ service: 'dossiers', database: DossiersDatabase }),
        IntakeModule,
        CalendarChangeModule,
        LifecycleModule,
        EvaluationModule,
        ContactModule,
        LookupModule,
        ReceivingDeskModule,
        SlipsModule,
        PortalModule,
        AccessLogModule.forRoot({
          database: DossiersDatabase,
          retentionDays: config.ACCESS_LOG_RETENTION_DAYS,
        }),
      ],
      // Event handlers (@EventPattern) are controllers of the inbox transport's microservice.
      controllers: [ProcedureCopyHandlers, AgencyTreeCopy],
      providers: [
        DossierScope,
        ProcedureCopyRepository,
        DeadlineWatchService,
        DeadlineRepository,
        DossierRepository,
        { provide: DOSSIERS_CONFIG, useValue: config },
      ],
      exports: [DOSSIERS_CONFIG, DossierScope],
    };
  }
}
