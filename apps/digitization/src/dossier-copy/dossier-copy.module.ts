import { Global, Module } from '@nestjs/common';
import { DossierCopyHandlers } from './dossier-copy.handlers';
import { DigitizationScope } from '../scope/digitization-scope';
import { DossierCopyRepository } from './dossier-copy.repository';

@Global()
@Module({
  controllers: [DossierCopyHandlers],
  providers: [DossierCopyRepository, DigitizationScope],
  exports: [DossierCopyRepository, DigitizationScope],
})
export class DossierCopyModule {}
