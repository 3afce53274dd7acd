import { Global, Module } from '@nestjs/common';
import { DossierCopyHandlers } from './dossier-copy.handlers';
import { DossierCopyRepository } from './dossier-copy.repository';

@Global()
@Module({ providers: [DossierCopyHandlers, DossierCopyRepository], exports: [DossierCopyRepository] })
export class DossierCopyModule {}
