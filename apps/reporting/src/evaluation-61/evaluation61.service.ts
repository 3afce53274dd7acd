import { Injectable } from '@nestjs/common';
import type { EvaluationQuery } from '../figures/figures-query.schema';
import { FiguresRepository, type Filters } from '../figures/figures.repository';
import { resolvePeriod, type Period } from '../figures/period';
import { evaluate, type Evaluation61 } from './decree61.rules';
import { Evaluation61Repository } from './evaluation61.repository';

export type EvaluationGroup = { key: string | null; lastEventAt: string | null } & Evaluation61;
export type EvaluationAnswer = { generation: number; period: Period; filters: Filters; groupBy: 'agency' | null; groups: EvaluationGroup[]; notes: string[] };

/** Decree 61 evaluation of the dossiers finished in a period, per agency or for the whole filter. */
@Injectable()
export class Evaluation61Service {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly repository: Evaluation61Repository,
  ) {}

  async evaluate(query: Omit<EvaluationQuery, 'format'>): Promise<EvaluationAnswer> {
    const generation = await this.figures.activeGeneration();
    const period = resolvePeriod(query.period, query.date, query.from, query.to);
    const filters: Filters = { agency: query.agency, unit: query.unit, domain: query.domain, procedure: query.procedure };
    const classes = await this.repository.inputClasses(generation, period, filters, query.groupBy === 'agency');
    const keys = [...new Set(classes.map((c) => c.key))];
    if (keys.length === 0 && query.groupBy !== 'agency') keys.push(null);
    const groups = keys.map((key) => {
      const mine = classes.filter((c) => c.key === key);
      const lastEventAt = mine.reduce<string | null>((latest, c) => (c.lastEventAt && (!latest || c.lastEventAt > latest) ? c.lastEventAt : latest), null);
      return { key, lastEventAt, ...evaluate(mine) };
    });
    const notes = [
      'dossiers count in the period of their finish (processed, result returned, refused or stopped); sampleSize is their number',
      'indices without inputs in the events are not_available and are left out of the average; the band is read on the points scaled to 18 (see basis)',
    ];
    return { generation, period, filters, groupBy: query.groupBy ?? null, groups, notes };
  }
}
