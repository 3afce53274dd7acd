import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { FiguresRepository } from './figures.repository';
import { FiguresService } from './figures.service';
import { InterAgencyRepository } from './inter-agency.repository';
import { ListsRepository } from './lists.repository';
import { StageFiguresRepository } from './stage-figures.repository';

/** The figures of the read model (per agency, procedure, domain, period) and their lists. */
@Module({
  controllers: [FiguresController],
  providers: [
    FiguresRepository,
    StageFiguresRepository,
    InterAgencyRepository,
    ListsRepository,
    FiguresService,
  ],
  exports: [FiguresService, FiguresRepository],
})
export class FiguresModule {}
