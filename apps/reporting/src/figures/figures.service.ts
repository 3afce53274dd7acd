import { Injectable } from '@nestjs/common';
import {
  FIGURE_NAMES,
  FIGURES,
  figureOf,
  type FigureFamily,
  type FigureName,
  type FigureValue,
} from './figure-catalog';
import { FiguresAnswerCache } from './answer-cache';
import { FiguresRepository, type AggregateRow, type Filters } from './figures.repository';
import type { FiguresQuery, GroupBy, InterAgencyQuery, OverdueQuery } from './figures-query.schema';
import { InterAgencyRepository } from './inter-agency.repository';
import { StageFiguresRepository } from './stage-figures.repository';
import { ListsRepository } from './lists.repository';
import { periodAndFilters, type Period } from './period';

/** Dimensions a family's events do not carry. */
const UNSUPPORTED_GROUPING: Record<FigureFamily, GroupBy[]> = {
  dossiers: [],
  feedback: ['unit', 'channel'],
  digitization: ['channel'],
  stages: ['unit', 'channel'],
};

const groupable = (family: FigureFamily, groupBy: GroupBy | undefined) =>
  !groupBy || !UNSUPPORTED_GROUPING[family].includes(groupBy);

export type FigureGroup = { key: string | null; figures: Record<FigureName, FigureValue> };
export type FiguresAnswer = {
  generation: number;
  period: Period;
  filters: Filters;
  groupBy: string | null;
  groups: FigureGroup[];
  notes: string[];
};
export type FigureRow = { key: string | null; figure: FigureName } & FigureValue;
export type OneFigureAnswer = Omit<FiguresAnswer, 'groups' | 'notes'> & {
  figure: FigureName;
  rows: FigureRow[];
};

const rowsOf = (answer: Pick<FiguresAnswer, 'groups'>, names: readonly FigureName[]) =>
  answer.groups.flatMap((g) =>
    names.map((figure): FigureRow => ({ key: g.key, figure, ...g.figures[figure] })),
  );

/** Figures per agency, unit, domain, procedure and period, each with its sample size and cut-off. */
@Injectable()
export class FiguresService {
  constructor(
    private readonly repository: FiguresRepository,
    private readonly lists: ListsRepository,
    private readonly stageFigures: StageFiguresRepository,
    private readonly interAgencyDossiers: InterAgencyRepository,
    private readonly answers: FiguresAnswerCache,
  ) {}

  /** The figures of the active generation: from memory while they still hold (FiguresAnswerCache). */
  async figures(query: FiguresQuery): Promise<FiguresAnswer> {
    const active = await this.repository.activeForAnswers();
    const { period, filters } = periodAndFilters(query);
    const groupBy = query.groupBy;
    const supports = (family: FigureFamily) => groupable(family, groupBy);
    // feedback and stage figures count what is overdue now
    const readsClock = supports('feedback') || supports('stages');
    return this.answers.answer(
      active,
      JSON.stringify([period, filters, groupBy ?? null]),
      readsClock,
      () => this.computed(active.generation, period, filters, groupBy),
    );
  }

  private async computed(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy: GroupBy | undefined,
  ): Promise<FiguresAnswer> {
    const supports = (family: FigureFamily) => groupable(family, groupBy);
    const [dossiers, feedback, digitization, stages] = await Promise.all([
      this.repository.dossiers(generation, period, filters, groupBy),
      supports('feedback') ? this.repository.feedback(generation, period, filters, groupBy) : [],
      supports('digitization')
        ? this.repository.digitization(generation, period, filters, groupBy)
        : [],
      supports('stages') ? this.stageFigures.stages(generation, period, filters, groupBy) : [],
    ]);
    const byFamily: Record<FigureFamily, Map<string | null, AggregateRow>> = {
      dossiers: new Map(dossiers.map((r) => [r.key, r])),
      feedback: new Map(feedback.map((r) => [r.key, r])),
      digitization: new Map(digitization.map((r) => [r.key, r])),
      stages: new Map(stages.map((r) => [r.key, r])),
    };
    const all = [...dossiers, ...feedback, ...digitization, ...stages];
    const keys = [...new Set(all.map((r) => r.key))].sort((a, b) =>
      String(a).localeCompare(String(b)),
    );
    if (keys.length === 0) keys.push(null);
    const groups = keys.map((key) => ({
      key,
      figures: Object.fromEntries(
        FIGURE_NAMES.map((name) => [name, figureOf(name, byFamily[FIGURES[name].family].get(key))]),
      ) as Record<FigureName, FigureValue>,
    }));
    const notes: string[] = (['feedback', 'digitization', 'stages'] as const)
      .filter((family) => !supports(family))
      .map(
        (family) =>
          `${family} figures cannot be grouped by ${groupBy}: their events do not carry it`,
      );
    if (filters.unit)
      notes.push(
        'feedback figures are not filtered by unit: feedback events carry no handling unit',
        "stage figures are not filtered by unit: a stage is an agency's, without a unit",
      );
    return { generation, period, filters, groupBy: groupBy ?? null, groups, notes };
  }

  /** Every figure of every group as rows (one per group and figure), the shape of the CSV. */
  async figureRows(query: FiguresQuery): Promise<{ answer: FiguresAnswer; rows: FigureRow[] }> {
    const answer = await this.figures(query);
    return { answer, rows: rowsOf(answer, FIGURE_NAMES) };
  }

  /** One figure as rows (one per group), the shape of its CSV. */
  async figure(name: FigureName, query: FiguresQuery): Promise<OneFigureAnswer> {
    const { generation, period, filters, groupBy, ...answer } = await this.figures(query);
    return { generation, period, filters, groupBy, figure: name, rows: rowsOf(answer, [name]) };
  }

  /** Unfinished dossiers past their due date, most overdue first, in the active generation. */
  async overdue(query: OverdueQuery) {
    const generation = await this.repository.activeGeneration();
    return { generation, dossiers: await this.lists.overdue(generation, query, query.limit) };
  }

  /** Một cửa liên thông: unfinished inter-agency dossiers and where they wait, in the active generation. */
  async interAgency(query: InterAgencyQuery) {
    const generation = await this.repository.activeGeneration();
    return {
      generation,
      ...(await this.interAgencyDossiers.unfinished(generation, query, query.limit)),
    };
  }

  /** Review campaigns with their progress per domain, in the active generation. */
  async campaigns(domain?: string) {
    const generation = await this.repository.activeGeneration();
    return { generation, campaigns: await this.lists.campaigns(generation, domain) };
  }
}
