import { Module } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import { DossierLifecycleController } from './dossier-lifecycle.controller';
import { DossierLifecycleService } from './dossier-lifecycle.service';
import { OutcomeTransitions } from './outcome.transitions';
import { ProgressTransitions } from './progress.transitions';
import { StageTransitions } from '../stages/stage.transitions';

@Module({
  controllers: [DossierLifecycleController],
  providers: [
    DossierLifecycleService,
    DossierRepository,
    ScopedDossiers,
    ProgressTransitions,
    OutcomeTransitions,
    StageTransitions,
  ],
})
export class LifecycleModule {}
