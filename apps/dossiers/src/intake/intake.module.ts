import { Module } from '@nestjs/common';
import { DossierCodeCounterRepository } from '../code/dossier-code-counter.repository';
import { DossierCodeService } from '../code/dossier-code.service';
import { DossierRepository } from '../dossier/dossier.repository';
import { ProcedureCopyCache } from '../procedure-copy/procedure-copy.cache';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { DossierIntakeController } from './dossier-intake.controller';
import { DossierIntakeService } from './dossier-intake.service';
import { DossierIntakeWriter } from './dossier-intake.writer';
import { IntakeIdempotencyRepository } from './intake-idempotency.repository';

@Module({
  controllers: [DossierIntakeController],
  providers: [
    DossierIntakeService,
    DossierIntakeWriter,
    DossierCodeService,
    DossierCodeCounterRepository,
    DossierRepository,
    ProcedureCopyRepository,
    ProcedureCopyCache,
    IntakeIdempotencyRepository,
  ],
})
export class IntakeModule {}
