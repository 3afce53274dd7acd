import { Injectable } from '@nestjs/common';
import type { FiguresQuery } from '../figures/figures-query.schema';
import { FiguresService } from '../figures/figures.service';
import type { FigureName, FigureValue } from '../figures/figure-catalog';
import type { Period } from '../figures/period';
import { Index766Repository } from './index-766.repository';
import { scoreIndex766, type Index766 } from './index-766.rules';

export type Index766Answer = {
  generation: number;
  period: Period;
  agency: string | null;
  figures: Record<FigureName, FigureValue>;
} & Index766;

/** The Decision 766/QĐ-TTg index of an agency (or the whole province) for a period, from the figures and the records. */
@Injectable()
export class Index766Service {
  constructor(
    private readonly figures: FiguresService,
    private readonly records: Index766Repository,
  ) {}

  async index(query: FiguresQuery): Promise<Index766Answer> {
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
