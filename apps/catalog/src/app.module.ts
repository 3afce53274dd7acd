import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { AgenciesModule } from './agencies/agencies.module';
import { CatalogDatabase } from './catalog.database';
import { CATALOG_CONFIG, type CatalogConfig } from './config';
import { DomainsModule } from './domains/domains.module';
import { GroupsModule } from './groups/groups.module';
import { ProceduresModule } from './procedures/procedures.module';
import { PublicationModule } from './publication/publication.module';
import { ReviewModule } from './review/review.module';
import { SearchModule } from './search/search.module';

@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      // One module per feature folder; routes register in this order (GET /procedures, the listing
      // of SearchModule, before GET /procedures/:code of ProceduresModule).
      imports: [
        ServiceKitModule.forRoot({ service: 'catalog', config, database: CatalogDatabase }),
        MessagingModule.forService({ service: 'catalog', database: CatalogDatabase }),
        AgenciesModule,
        DomainsModule,
        PublicationModule,
        GroupsModule,
        SearchModule,
        ProceduresModule,
        ReviewModule,
      ],
      providers: [{ provide: CATALOG_CONFIG, useValue: config }],
      exports: [CATALOG_CONFIG],
    };
  }
}
