import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { zodQuery } from '@motcua/http';
import { figuresQuerySchema, type FiguresQuery } from '../figures/figures-query.schema';
import { FiguresService } from '../figures/figures.service';
import type { FigureName, FigureValue } from '../figures/figure-catalog';
import type { Period } from '../figures/period';
import { Index766Repository } from './index-766.repository';
import { scoreIndex766, type Index766 } from './index-766.rules';

/** The Decision 766/QĐ-TTg index of an agency (or the whole province) for a period. */
@ApiTags('index-766')
@Controller('index-766')
export class Index766Controller {
  constructor(
    private readonly figures: FiguresService,
    private readonly records: Index766Repository,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Decision 766 index out of 100, each group and criterion with its formula inputs, and the figures it was computed from',
  })
  async index(@Query(zodQuery(figuresQuerySchema)) query: FiguresQuery): Promise<
    {
      generation: number;
      period: Period;
      agency: string | null;
      figures: Record<FigureName, FigureValue>;
    } & Index766
  > {
    const answer = await this.figures.figures({ ...query, groupBy: undefined });
    const figures = answer.groups[0].figures;
    const filters = {
      agency: query.agency,
      unit: query.unit,
      domain: query.domain,
      procedure: query.procedure,
    };
    const inputs = await this.records.inputs(
      answer.generation,
      answer.period,
      filters,
      figures.received.lastEventAt,
    );
    return {
      generation: answer.generation,
      period: answer.period,
      agency: query.agency ?? null,
      ...scoreIndex766(figures, inputs),
      figures,
    };
  }
}
