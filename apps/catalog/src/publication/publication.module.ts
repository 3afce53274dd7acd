import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { DomainsModule } from '../domains/domains.module';
import { AnnouncementScheduler } from './announcement.scheduler';
import { AnnouncementService } from './announcement.service';
import { PublicationController } from './publication.controller';
import { PublicationRepository } from './publication.repository';
import { PublicationService } from './publication.service';

/** Publishing procedures (công bố) and their announcements; groups announce through AnnouncementService. */
@Module({
  imports: [DomainsModule, AgenciesModule],
  controllers: [PublicationController],
  providers: [
    PublicationService,
    PublicationRepository,
    AnnouncementService,
    AnnouncementScheduler,
  ],
  exports: [AnnouncementService],
})
export class PublicationModule {}
