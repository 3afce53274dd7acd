import { Module } from '@nestjs/common';
import { DomainRepository } from './domain.repository';
import { DomainService } from './domain.service';
import { DomainsController } from './domains.controller';

/** Domains (lĩnh vực) of procedures; the others read them through DomainService. */
@Module({
  controllers: [DomainsController],
  providers: [DomainService, DomainRepository],
  exports: [DomainService],
})
export class DomainsModule {}
