import { Module } from '@nestjs/common';
import { DomainService } from './domain.service';
import { DomainsController } from './domains.controller';

/** Domains (lĩnh vực) of procedures; the others read them through DomainService. */
@Module({
  controllers: [DomainsController],
  providers: [DomainService],
  exports: [DomainService],
})
export class DomainsModule {}
