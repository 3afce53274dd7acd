import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { DigitizationDatabase } from './digitization.database';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'digitization', config, database: DigitizationDatabase }),
        MessagingModule.forService({ service: 'digitization', database: DigitizationDatabase }),
      ],
    };
  }
}
