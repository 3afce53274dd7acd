import { DocumentReuseRepository } from './document-reuse.repository';
import { Module } from '@nestjs/common';
import { ApplicantStoreRepository } from './applicant-store.repository';
import { ReuseController } from './reuse.controller';
import { ReuseService } from './reuse.service';

@Module({
  controllers: [ReuseController],
  providers: [ReuseService, ApplicantStoreRepository, DocumentReuseRepository],
})
export class ReuseModule {}
