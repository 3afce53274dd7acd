import { Module } from '@nestjs/common';
import { ChangesModule } from '../changes/changes.module';
import { FiguresAnswerCache } from './answer-cache';
import { FiguresController } from './figures.controller';
import { FiguresRepository } from './figures.repository';
import { FiguresService } from './figures.service';
import { InterAgencyRepository } from './inter-agency.repository';
import { ListsRepository } from './lists.repository';
import { StageFiguresRepository } from './stage-figures.repository';

/** The figures of the read model (per agency, procedure, domain, period) and their lists. */
@Module({
  imports: [ChangesModule],
  controllers: [FiguresController],
  providers: [
    FiguresRepository,
    StageFiguresRepository,
    InterAgencyRepository,
    ListsRepository,
    FiguresAnswerCache,
    FiguresService,
  ],
  exports: [FiguresService, FiguresRepository],
})
export class FiguresModule {}
