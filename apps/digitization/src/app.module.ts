import { Module, type DynamicModule } from '@nestjs/common';
import { AccessLogModule } from '@motcua/auth';
import { ServiceKitModule } from '@motcua/http';
import { AgencyTreeCopy, MessagingModule, PROJECTION_FETCH } from '@motcua/messaging';
import { DIGITIZATION_CONFIG, type DigitizationConfig } from './config';
import { DigitizationDatabase } from './digitization.database';
import { DocumentModule } from './documents/document.module';
import { DossierCopyModule } from './dossier-copy/dossier-copy.module';
import { IntakeModule } from './intake/intake.module';
import { RatesModule } from './rates/rates.module';
import { ResultModule } from './results/result.module';
import { ReuseModule } from './reuse/reuse.module';
import { StorageModule } from './storage/storage.module';

@Module({})
export class AppModule {
  static forRoot(config: DigitizationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          service: 'digitization',
          config,
          database: DigitizationDatabase,
        }),
        MessagingModule.forService({
          service: 'digitization',
          database: DigitizationDatabase,
          // the dossier copy (raw SQL) follows every dossier event: in larger batches, on plain pg
          fetch: PROJECTION_FETCH,
          consumeThrough: (db: DigitizationDatabase) => db.sql,
        }),
        {
          module: DigitizationConfigModule,
          global: true,
          providers: [{ provide: DIGITIZATION_CONFIG, useValue: config }],
          exports: [DIGITIZATION_CONFIG],
        },
        StorageModule,
        DossierCopyModule,
        IntakeModule,
        DocumentModule,
        ResultModule,
        ReuseModule,
        RatesModule,
        AccessLogModule.forRoot({
          database: DigitizationDatabase,
          retentionDays: config.ACCESS_LOG_RETENTION_DAYS,
        }),
      ],
      controllers: [AgencyTreeCopy],
    };
  }
}

@Module({})
class DigitizationConfigModule {}
