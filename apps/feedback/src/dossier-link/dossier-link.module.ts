import { Module } from '@nestjs/common';
import { DossierLinkController } from './dossier-link.controller';
import { DossierLinkService } from './dossier-link.service';

@Module({
  controllers: [DossierLinkController],
  providers: [DossierLinkService],
})
export class DossierLinkModule {}
