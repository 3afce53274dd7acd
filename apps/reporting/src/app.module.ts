import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { ReportingDatabase } from './reporting.database';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'reporting', config, database: ReportingDatabase }),
        MessagingModule.forService({ service: 'reporting', database: ReportingDatabase }),
      ],
    };
  }
}
