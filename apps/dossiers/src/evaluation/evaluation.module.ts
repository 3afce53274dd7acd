import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import { DossierEvaluationController } from './dossier-evaluation.controller';
import { DossierEvaluationService } from './dossier-evaluation.service';

@Module({
  controllers: [DossierEvaluationController],
  providers: [DossierEvaluationService, DossierRepository, ScopedDossiers],
})
export class EvaluationModule {}
