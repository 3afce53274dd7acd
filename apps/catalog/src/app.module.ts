import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@motcua/http';
import { MessagingModule } from '@motcua/messaging';
import { AgencyTreeController } from './agencies/agency-tree.controller';
import { AgencyTreeService } from './agencies/agency-tree.service';
import { CatalogDatabase } from './catalog.database';
import { CATALOG_CONFIG, type CatalogConfig } from './config';
import { DomainService } from './domains/domain.service';
import { DomainsController } from './domains/domains.controller';
import { ProcedureGroupController } from './groups/procedure-group.controller';
import { ProcedureGroupService } from './groups/procedure-group.service';
import { ProcedureQueryService } from './procedures/procedure-query.service';
import { ProceduresController } from './procedures/procedures.controller';
import { AnnouncementScheduler } from './publication/announcement.scheduler';
import { AnnouncementService } from './publication/announcement.service';
import { PublicationController } from './publication/publication.controller';
import { PublicationService } from './publication/publication.service';
import { ReviewCampaignService } from './review/review-campaign.service';
import { ReviewReadService } from './review/review-read.service';
import { ReviewWorkService } from './review/review-work.service';
import { ReviewController } from './review/review.controller';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';

@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'catalog', config, database: CatalogDatabase }),
        MessagingModule.forService({ service: 'catalog', database: CatalogDatabase }),
      ],
      // SearchController before ProceduresController: GET /procedures is the listing, GET /procedures/:code one procedure.
      controllers: [
        AgencyTreeController,
        DomainsController,
        PublicationController,
        ProcedureGroupController,
        SearchController,
        ProceduresController,
        ReviewController,
      ],
      providers: [
        { provide: CATALOG_CONFIG, useValue: config },
        DomainService,
        AgencyTreeService,
        PublicationService,
        ProcedureGroupService,
        AnnouncementService,
        AnnouncementScheduler,
        ProcedureQueryService,
        SearchService,
        ReviewCampaignService,
        ReviewWorkService,
        ReviewReadService,
      ],
    };
  }
}
