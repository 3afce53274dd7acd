import { Injectable } from '@nestjs/common';
import { ReportingDatabase } from '../reporting.database';
import type { GroupBy } from './figures-query.schema';
import { splitByMonths, type Period } from './period';
import {
  PROCESSING_DAYS_SQL,
  ROLLUP_ROW_COLUMNS,
  factMeasures,
} from '../projections/dossier-rollup';
import { isoInstantSql } from './instant-sql';
import { SWITCH_SETTLE_SECONDS, type ActiveGeneration } from './answer-cache';

export type Filters = { agency?: string; unit?: string; domain?: string; procedure?: string };
export type AggregateRow = { key: string | null } & Record<string, number | string | null>;
type Columns = Partial<Record<keyof Filters | 'channel', string>>;

const TIME: readonly GroupBy[] = ['day', 'month', 'quarter', 'year'];

/** Builds `WHERE` conditions and the `GROUP BY` key for one table's column names. */
class SqlParts {
  readonly values: unknown[];
  constructor(generation: number, period: Period) {
    this.values = [generation, period.from, period.to];
  }
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  filters(filters: Filters, columns: Columns): string {
    return (Object.keys(filters) as (keyof Filters)[])
      .filter((name) => filters[name] !== undefined && columns[name])
      .map((name) => ` AND ${columns[name]} = ${this.param(filters[name])}`)
      .join('');
  }
  key(groupBy: GroupBy | undefined, columns: Columns, day: string): string {
    if (!groupBy) return 'NULL::text';
    if (TIME.includes(groupBy)) return `to_char(date_trunc('${groupBy}', ${day}), 'YYYY-MM-DD')`;
    return columns[groupBy as keyof Columns] ?? 'NULL::text';
  }
}

const DOSSIER_COLUMNS: Columns = {
  agency: 'f.agency_code',
  unit: 'f.unit_code',
  domain: 'f.domain_code',
  procedure: 'f.procedure_code',
  channel: 'f.channel',
};
const ROLLUP_COLUMNS: Columns = {
  agency: 'r.agency_code',
  unit: 'r.unit_code',
  domain: 'r.domain_code',
  procedure: 'r.procedure_code',
  channel: 'r.channel',
};
const FEEDBACK_COLUMNS: Columns = {
  agency: 'f.agency_code',
  domain: 'f.domain_code',
  procedure: 'f.procedure_code',
};
const DIGITIZATION_COLUMNS: Columns = {
  agency: 'd.agency_code',
  unit: 'f.unit_code',
  domain: 'f.domain_code',
  procedure: 'f.procedure_code',
};

/** Aggregate queries over the projections of one generation. */
@Injectable()
export class FiguresRepository {
  constructor(private readonly db: ReportingDatabase) {}

  async activeGeneration(): Promise<number> {
    const rows = await this.db.$queryRawUnsafe<{ generation: number }[]>(
      `SELECT generation FROM projection_generation WHERE status = 'active'`,
    );
    return rows[0]?.generation ?? 0;
  }

  /** The active generation, settled once it was switched to long enough ago for its answers to be kept. */
  async activeForAnswers(): Promise<ActiveGeneration> {
    const rows = await this.db.$queryRawUnsafe<ActiveGeneration[]>(
      `SELECT generation, COALESCE(activated_at < now() - make_interval(secs => $1), false) AS settled
         FROM projection_generation WHERE status = 'active'`,
      SWITCH_SETTLE_SECONDS,
    );
    return rows[0] ?? { generation: 0, settled: false };
  }

  /**
   * Dossier figures from the rollups: every filter and grouping of the API is a rollup dimension, so no
   * query needs the row-level facts. Whole months come from the monthly rollup (unless grouped by day),
   * the rest from the daily one. Equal to `dossiersFromFacts` (tested in rollup.int.spec.ts).
   */
  async dossiers(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const sql = new SqlParts(generation, period);
    const parts =
      groupBy === 'day'
        ? { months: null, days: [{ from: period.from, to: period.to }] }
        : splitByMonths(period.from, period.to);
    const columns = ROLLUP_ROW_COLUMNS.join(', ');
    const between = (range: { from: string; to: string }) =>
      `day BETWEEN ${sql.param(range.from)}::date AND ${sql.param(range.to)}::date`;
    const sources = [
      ...(parts.days.length > 0
        ? [
            `SELECT ${columns} FROM dossier_day_rollup WHERE generation = $1 AND (${parts.days.map(between).join(' OR ')})`,
          ]
        : []),
      ...(parts.months
        ? [
            `SELECT ${columns} FROM dossier_month_rollup WHERE generation = $1 AND ${between(parts.months)}`,
          ]
        : []),
    ];
    const key =
      groupBy === 'unit' ? `NULLIF(r.unit_code, '')` : sql.key(groupBy, ROLLUP_COLUMNS, 'r.day');
    const sum = (column: string, filter = '') =>
      `COALESCE(sum(r.${column})${filter ? ` FILTER (WHERE ${filter})` : ''}, 0)::int`;
    return this.grouped(
      sql,
      key,
      `
         ${sum('received')} AS received,
         ${sum('received', `r.channel = 'in_person'`)} AS received_in_person,
         ${sum('received', `r.channel = 'online'`)} AS received_online,
         ${sum('received', `r.channel = 'postal'`)} AS received_postal,
         ${sum('in_progress')} AS in_progress,
         ${sum('withdrawn')} AS withdrawn,
         ${sum('processed')} AS processed,
         ${sum('returned')} AS returned,
         ${sum('on_time')} AS on_time,
         ${sum('late')} AS late,
         round(sum(r.processing_days) / NULLIF(sum(r.timed), 0), 4)::float8 AS avg_processing_days,
         ${sum('timed')} AS timed,
         ${sum('supplements')} AS supplements,
         ${sum('extensions')} AS extensions,
         ${sum('received', `r.channel = 'online' AND p.online_level = 'full'`)} AS online_full,
         ${sum('received', `r.channel = 'online' AND p.online_level = 'partial'`)} AS online_partial,
         ${sum('received', `p.online_level IS NULL`)} AS procedure_unknown,
         ${sum('documents_total')} AS documents_total,
         ${sum('documents_digitized')} AS documents_digitized,
         ${sum('documents_reused')} AS documents_reused,
         ${sum('population_data')} AS population_data,
         ${sum('electronic_results')} AS electronic_results,
         ${sum('results')} AS results,
         ${sum('payments')} AS payments,
         ${sum('payments_online')} AS payments_online,
         ${sum('received')} AS sample_size,
         ${isoInstantSql('max(r.last_event_at)')} AS last_event_at
       FROM (${sources.join(' UNION ALL ')}) AS r
       LEFT JOIN procedure_fact p ON p.generation = r.generation AND p.code = r.procedure_code AND p.version = r.procedure_version
       WHERE $2::date <= $3::date ${sql.filters(filters, ROLLUP_COLUMNS)}`,
    );
  }

  /**
   * Dossier figures straight from dossier_fact: the reference the rollup must equal. Each dossier counts
   * in the period of the event that matters for a figure: receipt (r) for intake figures, finish (f) for
   * processed and on-time, result return (t).
   */
  async dossiersFromFacts(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const sql = new SqlParts(generation, period);
    // Time series need each dossier in the bucket of each of its dates (a lateral row per role);
    // other groupings test the dates directly, which is three times less work.
    const series = groupBy !== undefined && TIME.includes(groupBy);
    const key = sql.key(groupBy, DOSSIER_COLUMNS, 'k.day');
    const inPeriod = (column: string) => `f.${column} BETWEEN $2::date AND $3::date`;
    const r = series ? `k.role = 'r'` : inPeriod('received_on');
    const f = series ? `k.role = 'f'` : inPeriod('finished_on');
    const t = series ? `k.role = 't'` : inPeriod('returned_on');
    const lateral = series
      ? `CROSS JOIN LATERAL (VALUES ('r', f.received_on), ('f', f.finished_on), ('t', f.returned_on)) AS k(role, day)`
      : '';
    const rows = await this.grouped(
      sql,
      key,
      `
         count(*) FILTER (WHERE ${r})::int AS received,
         count(*) FILTER (WHERE ${r} AND f.channel = 'in_person')::int AS received_in_person,
         count(*) FILTER (WHERE ${r} AND f.channel = 'online')::int AS received_online,
         count(*) FILTER (WHERE ${r} AND f.channel = 'postal')::int AS received_postal,
         ${factMeasures(r, f, t)},
         round(avg(${PROCESSING_DAYS_SQL}) FILTER (WHERE ${f} AND f.received_at IS NOT NULL), 4)::float8 AS avg_processing_days,
         count(*) FILTER (WHERE ${r} AND f.channel = 'online' AND p.online_level = 'full')::int AS online_full,
         count(*) FILTER (WHERE ${r} AND f.channel = 'online' AND p.online_level = 'partial')::int AS online_partial,
         count(*) FILTER (WHERE ${r} AND p.online_level IS NULL)::int AS procedure_unknown,
         count(*) FILTER (WHERE ${r})::int AS sample_size,
         ${isoInstantSql('max(f.last_event_at)')} AS last_event_at
       FROM dossier_fact f
       LEFT JOIN procedure_fact p ON p.generation = f.generation AND p.code = f.procedure_code AND p.version = f.procedure_version
       ${lateral}
       WHERE f.generation = $1 ${series ? 'AND k.day BETWEEN $2::date AND $3::date' : ''}
         AND (f.received_on BETWEEN $2::date AND $3::date OR f.finished_on BETWEEN $2::date AND $3::date
              OR f.returned_on BETWEEN $2::date AND $3::date)
         ${sql.filters(filters, DOSSIER_COLUMNS)}`,
    );
    return rows;
  }

  async feedback(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const sql = new SqlParts(generation, period);
    const key = sql.key(groupBy, FEEDBACK_COLUMNS, 'f.received_on');
    return this.grouped(
      sql,
      key,
      `
         count(*)::int AS feedback_received,
         count(*) FILTER (WHERE f.answered_at IS NOT NULL)::int AS feedback_answered,
         count(*) FILTER (WHERE f.answered_on_time)::int AS feedback_answered_on_time,
         count(*) FILTER (WHERE f.overdue OR (f.answered_at IS NULL AND f.answer_by < now()))::int AS feedback_overdue,
         count(*) FILTER (WHERE f.published_at IS NOT NULL)::int AS feedback_published,
         count(*) FILTER (WHERE f.published_on_time)::int AS feedback_published_on_time,
         count(*) FILTER (WHERE f.satisfaction IS NOT NULL)::int AS feedback_rated,
         count(*) FILTER (WHERE f.satisfaction IN ('very_satisfied', 'satisfied'))::int AS feedback_satisfied,
         round(avg(CASE f.satisfaction WHEN 'very_satisfied' THEN 5 WHEN 'satisfied' THEN 4 WHEN 'acceptable' THEN 3
               WHEN 'dissatisfied' THEN 2 WHEN 'very_dissatisfied' THEN 1 END)::numeric, 4)::float8 AS feedback_satisfaction_score,
         count(*)::int AS sample_size,
         ${isoInstantSql('max(f.last_event_at)')} AS last_event_at
       FROM feedback_fact f
       WHERE f.generation = $1 AND f.received_on BETWEEN $2::date AND $3::date ${sql.filters(filters, FEEDBACK_COLUMNS)}`,
    );
  }

  async digitization(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    // unit, domain and procedure come from the dossier: only a filter or grouping by them needs the facts
    const needsDossier =
      Boolean(filters.unit || filters.domain || filters.procedure) ||
      ['unit', 'domain', 'procedure'].includes(groupBy ?? '');
    if (needsDossier) return this.digitizationFromFacts(generation, period, filters, groupBy);
    return this.digitizationFromRollup(new SqlParts(generation, period), filters, groupBy);
  }

  /** Digitization figures from digitization_fact joined to the dossier (the reference for the rollup). */
  async digitizationFromFacts(
    generation: number,
    period: Period,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const sql = new SqlParts(generation, period);
    const key = sql.key(groupBy, DIGITIZATION_COLUMNS, 'd.occurred_on');
    return this.grouped(
      sql,
      key,
      `
         count(*) FILTER (WHERE d.kind = 'digitized')::int AS scans,
         count(*) FILTER (WHERE d.kind = 'digitized' AND d.synced)::int AS scans_synced,
         count(*) FILTER (WHERE d.kind = 'result_issued')::int AS results_issued,
         count(*) FILTER (WHERE d.kind = 'result_issued' AND d.electronic)::int AS results_issued_electronic,
         count(*) FILTER (WHERE d.kind = 'reused')::int AS reuses,
         count(*) FILTER (WHERE d.kind = 'result_revoked')::int AS results_revoked,
         count(*)::int AS sample_size,
         ${isoInstantSql('max(d.occurred_at)')} AS last_event_at
       FROM digitization_fact d
       LEFT JOIN dossier_fact f ON f.generation = d.generation AND f.dossier_id = d.dossier_id
       WHERE d.generation = $1 AND d.occurred_on BETWEEN $2::date AND $3::date ${sql.filters(filters, DIGITIZATION_COLUMNS)}`,
    );
  }

  /** Digitization figures per agency and day from digitization_day_rollup (equal to the fact query: tested). */
  private digitizationFromRollup(
    sql: SqlParts,
    filters: Filters,
    groupBy?: GroupBy,
  ): Promise<AggregateRow[]> {
    const key = sql.key(groupBy, { agency: 'r.agency_code' }, 'r.day');
    return this.grouped(
      sql,
      key,
      `
         ${['scans', 'scans_synced', 'results_issued', 'results_issued_electronic', 'reuses', 'results_revoked'].map((c) => `COALESCE(sum(r.${c}), 0)::int AS ${c}`).join(', ')},
         COALESCE(sum(r.events), 0)::int AS sample_size,
         ${isoInstantSql('max(r.last_occurred_at)')} AS last_event_at
       FROM digitization_day_rollup r
       WHERE r.generation = $1 AND r.day BETWEEN $2::date AND $3::date ${sql.filters({ agency: filters.agency }, { agency: 'r.agency_code' })}`,
    );
  }

  /** An aggregate query of `measures FROM … WHERE …`: one row per group key, in key order. */
  private grouped(sql: SqlParts, key: string, body: string): Promise<AggregateRow[]> {
    return this.db.$queryRawUnsafe<AggregateRow[]>(
      `SELECT ${key} AS key, ${body} GROUP BY 1 ORDER BY 1`,
      ...sql.values,
    );
  }
}
