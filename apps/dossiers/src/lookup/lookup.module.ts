import { Module } from '@nestjs/common';
import { RateLimiter } from '@motcua/http';
import { DossierRepository } from '../dossier/dossier.repository';
import { PublicLookupController } from './public-lookup.controller';
import { PublicLookupService } from './public-lookup.service';

@Module({
  controllers: [PublicLookupController],
  providers: [PublicLookupService, RateLimiter, DossierRepository],
})
export class LookupModule {}
