import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { DossiersDatabase } from './dossiers.database';
import { ProcedureCopyHandlers } from './procedure-copy/procedure-copy.handlers';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'dossiers', config, database: DossiersDatabase }),
        MessagingModule.forService({ service: 'dossiers', database: DossiersDatabase }),
      ],
      providers: [ProcedureCopyHandlers],
    };
  }
}
