import { Injectable } from '@nestjs/common';
import type { FigureName, FigureValue } from '../figures/figure-catalog';
import { FiguresService, type FigureGroup } from '../figures/figures.service';
import { Evaluation61Service, type EvaluationGroup } from '../evaluation-61/evaluation61.service';
import { Index766Repository } from '../index-766/index-766.repository';
import { scoreIndex766, type Index766 } from '../index-766/index-766.rules';
import type { ReportQuery } from './report-query.schema';
import { periodTitle } from './vietnamese-format';

export type ReportData = {
  title: string;
  scope: string;
  from: string;
  to: string;
  generatedAt: string;
  generation: number;
  totals: Record<FigureName, FigureValue>;
  byAgency: FigureGroup[];
  byMonth: FigureGroup[];
  index: Index766;
  /** Decree 61 evaluation: the whole scope, then per agency. */
  evaluation61: { total: EvaluationGroup; byAgency: EvaluationGroup[] };
};

/** Collects the figures of a quarterly or yearly report (the same figures as the API and dashboard). */
@Injectable()
export class ReportService {
  constructor(
    private readonly figures: FiguresService,
    private readonly evaluation: Evaluation61Service,
    private readonly records: Index766Repository,
  ) {}

  async collect(query: ReportQuery): Promise<ReportData> {
    const month = query.kind === 'quarterly' ? (query.quarter! - 1) * 3 + 1 : 1;
    const base = {
      period: query.kind === 'quarterly' ? ('quarter' as const) : ('year' as const),
      date: `${query.year}-${String(month).padStart(2, '0')}-01`,
      agency: query.agency,
      format: 'json' as const,
    };
    const [totals, byAgency, byMonth, evaluationTotal, evaluationByAgency] = await Promise.all([
      this.figures.figures(base),
      this.figures.figures({ ...base, groupBy: 'agency' }),
      this.figures.figures({ ...base, groupBy: 'month' }),
      this.evaluation.evaluate(base),
      this.evaluation.evaluate({ ...base, groupBy: 'agency' }),
    ]);
    const filters = { agency: query.agency };
    const inputs = await this.records.inputs(
      totals.generation,
      totals.period,
      filters,
      totals.groups[0].figures.received.lastEventAt,
    );
    const period = periodTitle(query.kind, query.year, query.quarter);
    return {
      // "quý IV năm 2026": only the first letter is lowered, the Roman numeral stays upper case
      title: `Báo cáo tình hình giải quyết thủ tục hành chính ${period.charAt(0).toLowerCase()}${period.slice(1)}`,
      scope: query.agency ? `Cơ quan ${query.agency}` : 'Toàn tỉnh',
      from: totals.period.from,
      to: totals.period.to,
      generatedAt: new Date().toISOString(),
      generation: totals.generation,
      totals: totals.groups[0].figures,
      byAgency: byAgency.groups.filter((g) => g.key !== null),
      byMonth: byMonth.groups.filter((g) => g.key !== null),
      index: scoreIndex766(totals.groups[0].figures, inputs),
      evaluation61: { total: evaluationTotal.groups[0], byAgency: evaluationByAgency.groups },
    };
  }
}
