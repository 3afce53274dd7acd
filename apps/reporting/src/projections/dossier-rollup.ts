/**
 * The rollups (dossier_day_rollup, dossier_month_rollup: bảng tổng hợp theo ngày, theo tháng): what each
 * dossier contributes to the rows of the day (or month) of its receipt (r), finish (f) and result return
 * (t). One SQL definition serves the projector's deltas, the full rebuild from facts and the equivalence test.
 */
export type Grain = 'day' | 'month';
export const ROLLUP_TABLES: Record<Grain, string> = {
  day: 'dossier_day_rollup',
  month: 'dossier_month_rollup',
};
export const bucket = (grain: Grain, day: string) =>
  grain === 'day' ? day : `date_trunc('month', ${day})::date`;
export const ROLLUP_KEYS = [
  'day',
  'agency_code',
  'unit_code',
  'domain_code',
  'procedure_code',
  'procedure_version',
  'channel',
] as const;
export const ROLLUP_COUNTS = [
  'facts',
  'received',
  'in_progress',
  'withdrawn',
  'processed',
  'returned',
  'on_time',
  'late',
  'timed',
  'supplements',
  'extensions',
  'documents_total',
  'documents_digitized',
  'documents_reused',
  'population_data',
  'electronic_results',
  'results',
  'payments',
  'payments_online',
] as const;

/** The columns of a rollup row, both grains. */
export const ROLLUP_ROW_COLUMNS = [
  'generation',
  ...ROLLUP_KEYS,
  ...ROLLUP_COUNTS,
  'processing_days',
  'last_event_at',
];

/** Processing days of one finished dossier: receipt to finish minus the supplement wait (exact numeric). */
export const PROCESSING_DAYS_SQL = `GREATEST(0, extract(epoch FROM f.finished_at - f.received_at) / 86400 - f.paused_hours::numeric / 24)`;

/**
 * What dossier facts count, both in the rollups and in the figures straight from the facts: `r`, `f`
 * and `t` pick the rows of the receipt, the finish and the result return.
 */
export function factMeasures(r: string, f: string, t: string): string {
  const sum = (column: string, as: string) =>
    `COALESCE(sum(f.${column}) FILTER (WHERE ${r}), 0)::int AS ${as}`;
  return `count(*) FILTER (WHERE ${r} AND f.finished_at IS NULL AND f.status <> 'withdrawn')::int AS in_progress,
      count(*) FILTER (WHERE ${r} AND f.status = 'withdrawn')::int AS withdrawn,
      count(*) FILTER (WHERE ${f})::int AS processed,
      count(*) FILTER (WHERE ${t})::int AS returned,
      count(*) FILTER (WHERE ${f} AND f.on_time)::int AS on_time,
      count(*) FILTER (WHERE ${f} AND NOT f.on_time)::int AS late,
      count(*) FILTER (WHERE ${f} AND f.received_at IS NOT NULL)::int AS timed,
      ${sum('supplement_count', 'supplements')},
      ${sum('extension_count', 'extensions')},
      ${sum('documents_total', 'documents_total')},
      ${sum('documents_digitized', 'documents_digitized')},
      ${sum('documents_reused', 'documents_reused')},
      count(*) FILTER (WHERE ${r} AND f.population_data_used)::int AS population_data,
      count(*) FILTER (WHERE ${f} AND f.electronic_result)::int AS electronic_results,
      count(*) FILTER (WHERE ${f} AND f.electronic_result IS NOT NULL)::int AS results,
      ${sum('payments_total', 'payments')},
      ${sum('payments_online', 'payments_online')}`;
}

/**
 * Contribution rows of the dossiers of generation $1 (all of them, or some: `AND f.dossier_id = ANY($2::uuid[])`),
 * summed per rollup key, or per dossier and key when `perDossier`.
 */
export function contributionSql(
  where = '',
  grain: Grain = 'day',
  source = 'dossier_fact',
  perDossier = false,
): string {
  const r = `k.role = 'r'`;
  const fin = `k.role = 'f'`;
  return `SELECT ${perDossier ? 'f.dossier_id, ' : ''}${bucket(grain, 'k.day')} AS day, f.agency_code, COALESCE(f.unit_code, '') AS unit_code, f.domain_code, f.procedure_code, f.procedure_version, f.channel,
      count(*)::int AS facts,
      count(*) FILTER (WHERE ${r})::int AS received,
      ${factMeasures(r, fin, `k.role = 't'`)},
      COALESCE(sum(${PROCESSING_DAYS_SQL}) FILTER (WHERE ${fin} AND f.received_at IS NOT NULL), 0)::text AS processing_days,
      max(f.last_event_at) AS last_event_at
    FROM ${source} f
    CROSS JOIN LATERAL (VALUES ('r', f.received_on), ('f', f.finished_on), ('t', f.returned_on)) AS k(role, day)
    WHERE f.generation = $1 AND k.day IS NOT NULL ${where}
    GROUP BY ${perDossier ? '1, 2, 3, 4, 5, 6, 7, 8' : '1, 2, 3, 4, 5, 6, 7'}`;
}

/** Fills a rollup of a generation from its facts (bench seeding, repair): the GROUP BY the deltas maintain. */
export function rebuildRollupSql(grain: Grain): string {
  return `INSERT INTO ${ROLLUP_TABLES[grain]} (${ROLLUP_ROW_COLUMNS.join(', ')})
    SELECT $1, c.day, c.agency_code, c.unit_code, c.domain_code, c.procedure_code, c.procedure_version, c.channel,
      ${ROLLUP_COUNTS.map((m) => `c.${m}`).join(', ')}, c.processing_days::numeric, c.last_event_at
    FROM (${contributionSql('', grain)}) AS c`;
}

/** The dossiers a batch touches: `$2`, an array of ids. */
const TOUCHED = 'AND f.dossier_id = ANY($2::uuid[])';

/**
 * Columns of a statement run before the batch writes its facts: each touched dossier's contribution
 * per key, per grain, as exact JSON text (handed back to `rollupDeltaSql`). Reads `$1` generation and `$2` ids.
 */
export function oldContributionColumns(): string {
  const json = (grain: Grain) =>
    `(SELECT COALESCE(json_agg(c), '[]')::text FROM (${contributionSql(TOUCHED, grain, 'dossier_fact', true)}) c) AS old_${grain}`;
  return `${json('day')}, ${json('month')}`;
}

/**
 * The CTEs that move one grain from the old contributions (JSON `oldParam`) to the present ones of the
 * touched dossiers: the difference per dossier and key, summed per key, upserted in key order.
 */
function deltaCtes(grain: Grain, oldParam: string): string {
  const table = ROLLUP_TABLES[grain];
  const same = ['dossier_id', ...ROLLUP_KEYS].map((k) => `n.${k} = o.${k}`).join(' AND ');
  const measures = [
    ...ROLLUP_COUNTS.map((m) => `n.${m}`),
    'n.processing_days::numeric',
    'n.last_event_at',
  ];
  return `new_${grain} AS (${contributionSql(TOUCHED, grain, 'dossier_fact', true)}),
    old_${grain} AS (
      SELECT (j->>'dossier_id')::uuid AS dossier_id, r.* FROM json_array_elements(${oldParam}::json) AS j
      CROSS JOIN LATERAL json_populate_record(NULL::${table}, j) AS r),
    pair_${grain} AS (
      SELECT ${ROLLUP_KEYS.map((k) => `COALESCE(n.${k}, o.${k}) AS ${k}`).join(', ')},
        ${ROLLUP_COUNTS.map((m) => `COALESCE(n.${m}, 0) - COALESCE(o.${m}, 0) AS ${m}`).join(', ')},
        COALESCE(n.processing_days::numeric, 0) - COALESCE(o.processing_days, 0) AS processing_days,
        COALESCE(n.last_event_at, o.last_event_at) AS last_event_at, n.day IS NULL AS left_row
      FROM new_${grain} n FULL JOIN old_${grain} o ON ${same}
      WHERE n.day IS NULL OR o.day IS NULL
        OR (${measures.join(', ')}) IS DISTINCT FROM (${measures.map((m) => m.replace('n.', 'o.').replace('::numeric', '')).join(', ')})),
    write_${grain} AS (
      INSERT INTO ${table} AS r (${ROLLUP_ROW_COLUMNS.join(', ')})
      SELECT $1, ${ROLLUP_KEYS.join(', ')}, ${ROLLUP_COUNTS.map((m) => `sum(${m})`).join(', ')}, sum(processing_days), max(last_event_at)
      FROM pair_${grain} GROUP BY ${ROLLUP_KEYS.join(', ')} ORDER BY ${ROLLUP_KEYS.join(', ')}
      ON CONFLICT (generation, ${ROLLUP_KEYS.join(', ')}) DO UPDATE SET
        ${[...ROLLUP_COUNTS, 'processing_days'].map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(', ')},
        last_event_at = GREATEST(r.last_event_at, EXCLUDED.last_event_at))`;
}

export type LeftRow = {
  grain: Grain;
  day: string;
  agency_code: string;
  unit_code: string;
  domain_code: string;
  procedure_code: string;
  procedure_version: number;
  channel: string;
};

/**
 * One statement, run after the batch wrote its facts, that applies the difference between the touched
 * dossiers' old contributions (JSON params) and their present ones to both rollups: one upsert per
 * rollup, rows in key order, so concurrent transactions lock them in the same order. Reads `$1`
 * generation and `$2` ids; returns the rows some dossier left, for `cleanUpLeftRows`.
 */
export function rollupDeltaSql(oldDayParam: string, oldMonthParam: string): string {
  const left = (grain: Grain) =>
    `SELECT DISTINCT '${grain}' AS grain, to_char(day, 'YYYY-MM-DD') AS day, ${ROLLUP_KEYS.slice(1).join(', ')} FROM pair_${grain} WHERE left_row`;
  return `WITH ${deltaCtes('day', oldDayParam)},
    ${deltaCtes('month', oldMonthParam)}
    ${left('day')} UNION ALL ${left('month')}`;
}
