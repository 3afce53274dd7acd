import { Module } from '@nestjs/common';
import { FiguresModule } from '../figures/figures.module';
import { Evaluation61Controller } from './evaluation61.controller';
import { Evaluation61Repository } from './evaluation61.repository';
import { Evaluation61Service } from './evaluation61.service';

/** The evaluation of Decree 61 (đánh giá chất lượng giải quyết TTHC) from the read model. */
@Module({
  imports: [FiguresModule],
  controllers: [Evaluation61Controller],
  providers: [Evaluation61Repository, Evaluation61Service],
  exports: [Evaluation61Service],
})
export class Evaluation61Module {}
