import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { FeedbackDatabase } from './feedback.database';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'feedback', config, database: FeedbackDatabase }),
        MessagingModule.forService({ service: 'feedback', database: FeedbackDatabase }),
      ],
    };
  }
}
