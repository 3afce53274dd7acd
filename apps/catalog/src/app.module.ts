import { Module, type DynamicModule } from '@nestjs/common';
import type { CommonServiceConfig } from '@motcua/config';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { CatalogDatabase } from './catalog.database';
import { PublicationController } from './publication/publication.controller';
import { PublicationService } from './publication/publication.service';

@Module({})
export class AppModule {
  static forRoot(config: CommonServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'catalog', config, database: CatalogDatabase }),
        MessagingModule.forService({ service: 'catalog', database: CatalogDatabase }),
      ],
      controllers: [PublicationController],
      providers: [PublicationService],
    };
  }
}
