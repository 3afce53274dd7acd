import { Module } from '@nestjs/common';
import { DossierLinkController } from './dossier-link.controller';
import { DossierLinkRepository } from './dossier-link.repository';
import { DossierLinkService } from './dossier-link.service';
import { DossierRefHandlers } from './dossier-ref.handlers';

/** Links of feedback items to dossiers, and the codes of received dossiers they name. */
@Module({
  controllers: [DossierLinkController, DossierRefHandlers], // the handlers: @EventPattern
  providers: [DossierLinkService, DossierLinkRepository],
})
export class DossierLinkModule {}
