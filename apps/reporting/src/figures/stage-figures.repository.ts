import { Injectable } from '@nestjs/common';
import { ReportingDatabase } from '../reporting.database';
import type { AggregateRow, Filters } from './figures.repository';
import type { GroupBy } from './figures-query.schema';
import type { Period } from './period';
import { isoInstantSql } from './instant-sql';

const KEY: Partial<Record<GroupBy, string>> = {
  agency: 's.agency_code',
  domain: 's.domain_code',
  procedure: 's.procedure_code',
};
const FILTER: Partial<Record<keyof Filters, string>> = KEY;

/** A stage still runs: not handed back, its dossier neither finished nor withdrawn. */
export const STAGE_RUNNING = `s.status <> 'handed_back' AND f.finished_at IS NULL AND f.status <> 'withdrawn'`;

/**
 * Một cửa liên thông: the figures of each agency's own stages (dossier_stage_fact). `agency` is the
 * stage's agency, not the dossier's lead agency: an agency is judged on its share. Stages started
 * in the period count as started, running, overdue and their supplements (by start day); stages
 * handed back in the period as handed back, on time or late, with the working hours they took (by
 * hand-back day). Stages carry no unit or channel.
 */
@Injectable()
export class StageFiguresRepository {
  constructor(private readonly db: ReportingDatabase) {}

  async stages(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const values: unknown[] = [generation, period.from, period.to];
    const where = (Object.keys(FILTER) as (keyof Filters)[])
      .filter((name) => filters[name] !== undefined)
      .map((name) => {
        values.push(filters[name]);
        return ` AND ${FILTER[name]} = $${values.length}`;
      })
      .join('');
    const key = (day: string) =>
      !groupBy
        ? 'NULL::text'
        : ['day', 'month', 'quarter', 'year'].includes(groupBy)
          ? `to_char(date_trunc('${groupBy}', ${day}), 'YYYY-MM-DD')`
          : (KEY[groupBy] ?? 'NULL::text');
    const part = (name: string, day: string) =>
      `SELECT ${key(day)} AS key, '${name}' AS part, s.dossier_id, s.stage_order, s.agency_code,
         s.legal_due_at, s.supplement_count, s.on_time, s.working_hours_taken, s.last_event_at,
         (${STAGE_RUNNING}) AS running, f.status = 'supplement' AS awaiting
       FROM dossier_stage_fact s
       JOIN dossier_fact f ON f.generation = s.generation AND f.dossier_id = s.dossier_id
       WHERE s.generation = $1 AND ${day} BETWEEN $2::date AND $3::date ${where}`;
    return this.db.$queryRawUnsafe<AggregateRow[]>(
      `WITH parts AS (${part('started', 's.started_on')} UNION ALL ${part('handed_back', 's.handed_back_on')})
       SELECT p.key,
         count(*) FILTER (WHERE p.part = 'started')::int AS stages_started,
         count(*) FILTER (WHERE p.part = 'started' AND p.running)::int AS stages_in_progress,
         count(*) FILTER (WHERE p.part = 'started' AND p.running AND NOT p.awaiting AND p.legal_due_at < now())::int AS stages_overdue,
         COALESCE(sum(p.supplement_count) FILTER (WHERE p.part = 'started'), 0)::int AS stage_supplements,
         count(*) FILTER (WHERE p.part = 'handed_back')::int AS stages_handed_back,
         count(*) FILTER (WHERE p.part = 'handed_back' AND p.on_time)::int AS stages_on_time,
         count(*) FILTER (WHERE p.part = 'handed_back' AND NOT p.on_time)::int AS stages_late,
         COALESCE(sum(p.working_hours_taken) FILTER (WHERE p.part = 'handed_back'), 0)::float8 AS stage_working_hours,
         count(DISTINCT (p.dossier_id, p.stage_order, p.agency_code))::int AS sample_size,
         ${isoInstantSql('max(p.last_event_at)')} AS last_event_at
       FROM parts p
       GROUP BY 1 ORDER BY 1`,
      ...values,
    );
  }
}
