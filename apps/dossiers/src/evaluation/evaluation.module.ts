import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { DossierEvaluationController } from './dossier-evaluation.controller';
import { DossierEvaluationService } from './dossier-evaluation.service';

@Module({
  controllers: [DossierEvaluationController],
  providers: [DossierEvaluationService, DossierRepository],
})
export class EvaluationModule {}
