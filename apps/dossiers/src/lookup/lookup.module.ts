import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { LookupRateLimiter } from './lookup-rate-limiter';
import { PublicLookupController } from './public-lookup.controller';
import { PublicLookupService } from './public-lookup.service';

@Module({
  controllers: [PublicLookupController],
  providers: [PublicLookupService, LookupRateLimiter, DossierRepository],
})
export class LookupModule {}
