import { Injectable } from '@nestjs/common';
import type { EvaluationQuery } from '../figures/figures-query.schema';
import { FiguresRepository, type Filters } from '../figures/figures.repository';
import { periodAndFilters, type Period } from '../figures/period';
import { DECREE_61_POLICY, NOT_APPLIED_FROM_2025_07 } from './decree61.policy';
import { evaluate, type AgencyInputs, type Evaluation61 } from './decree61.rules';
import { Evaluation61Repository } from './evaluation61.repository';

export type EvaluationGroup = { key: string | null; lastEventAt: string | null } & Evaluation61;
export type EvaluationAnswer = {
  generation: number;
  period: Period;
  filters: Filters;
  groupBy: 'agency' | null;
  /** Whether the policy applies to any part of the period, and why not after its end. */
  applies: boolean;
  notAppliedFrom: { date: string; reason: string; dossiersFinishedInPeriod: number };
  groups: EvaluationGroup[];
  notes: string[];
};

/** Decree 61 evaluation of the dossiers finished in a period (received while it was in force), per agency or for the whole filter. */
@Injectable()
export class Evaluation61Service {
  constructor(
    private readonly figures: FiguresRepository,
    private readonly repository: Evaluation61Repository,
  ) {}

  async evaluate(query: Omit<EvaluationQuery, 'format'>): Promise<EvaluationAnswer> {
    const policy = DECREE_61_POLICY;
    const generation = await this.figures.activeGeneration();
    const { period, filters } = periodAndFilters(query);
    const byAgency = query.groupBy === 'agency';
    // the agency-scope indices look at PAKN and dossiers received in the part of the period under the policy
    const inForce: Period | null =
      period.from > policy.effectiveTo || period.to < policy.effectiveFrom
        ? null
        : {
            kind: 'range',
            from: period.from < policy.effectiveFrom ? policy.effectiveFrom : period.from,
            to: period.to > policy.effectiveTo ? policy.effectiveTo : period.to,
          };
    const [classes, agencies, outside] = await Promise.all([
      this.repository.inputClasses(generation, period, filters, byAgency, policy),
      inForce
        ? this.repository.agencyInputs(generation, inForce, query.agency)
        : Promise.resolve(new Map<string, AgencyInputs>()),
      this.repository.outsidePolicy(generation, period, filters, policy),
    ]);
    const keys = [...new Set(classes.map((c) => c.key))];
    if (byAgency)
      for (const agency of agencies.keys()) if (!keys.includes(agency)) keys.push(agency);
    if (keys.length === 0 && !byAgency) keys.push(null);
    keys.sort((a, b) => String(a).localeCompare(String(b)));
    const groups = keys.map((key) => {
      const mine = classes.filter((c) => c.key === key);
      const lastEventAt = mine.reduce<string | null>(
        (latest, c) =>
          c.lastEventAt && (!latest || c.lastEventAt > latest) ? c.lastEventAt : latest,
        null,
      );
      const agencyInputs =
        key === null ? [...agencies.values()] : agencies.has(key) ? [agencies.get(key)!] : [];
      return { key, lastEventAt, ...evaluate(mine, agencyInputs, policy) };
    });
    const notes = [
      `the evaluation applies to dossiers received from ${policy.effectiveFrom} to ${policy.effectiveTo} (${policy.legalBasis}); they count in the period of their finish (processed, result returned, refused or stopped)`,
      'dossier-scope indices are averaged over the dossiers with an input, agency-scope indices (5, 8, 9) over the agencies; indices without inputs are not_available or no_data and are never counted as 0',
      'no rating (xếp loại) is given from a partial set of indices: points and band stay null until all nine are computed (ratingWithheld says which are)',
    ];
    return {
      generation,
      period,
      filters,
      groupBy: query.groupBy ?? null,
      applies: inForce !== null,
      notAppliedFrom: {
        date: '2025-07-01',
        reason: NOT_APPLIED_FROM_2025_07,
        dossiersFinishedInPeriod: outside,
      },
      groups,
      notes,
    };
  }
}
