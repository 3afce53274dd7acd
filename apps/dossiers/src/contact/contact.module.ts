import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import { DossierContactController } from './contact.controller';
import { DossierContactService } from './contact.service';

@Module({
  controllers: [DossierContactController],
  providers: [DossierContactService, DossierRepository, ScopedDossiers],
})
export class ContactModule {}
