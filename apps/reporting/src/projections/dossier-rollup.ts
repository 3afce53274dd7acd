import type { ReportingTx } from '../reporting.database';

/**
 * The rollups (dossier_day_rollup, dossier_month_rollup: bảng tổng hợp theo ngày, theo tháng): what each
 * dossier contributes to the rows of the day (or month) of its receipt (r), finish (f) and result return
 * (t). One SQL definition serves the projector's deltas, the full rebuild from facts and the equivalence test.
 */
export type Grain = 'day' | 'month';
export const ROLLUP_TABLES: Record<Grain, string> = { day: 'dossier_day_rollup', month: 'dossier_month_rollup' };
const bucket = (grain: Grain, day: string) => (grain === 'day' ? day : `date_trunc('month', ${day})::date`);
export const ROLLUP_KEYS = ['day', 'agency_code', 'unit_code', 'domain_code', 'procedure_code', 'procedure_version', 'channel'] as const;
export const ROLLUP_COUNTS = [
  'facts', 'received', 'in_progress', 'withdrawn', 'processed', 'returned', 'on_time', 'late', 'timed', 'supplements', 'extensions',
  'documents_total', 'documents_digitized', 'documents_reused', 'population_data', 'electronic_results', 'results', 'payments', 'payments_online',
] as const;

/** Processing days of one finished dossier: receipt to finish minus the supplement wait (exact numeric). */
export const PROCESSING_DAYS_SQL = `GREATEST(0, extract(epoch FROM f.finished_at - f.received_at) / 86400 - f.paused_hours::numeric / 24)`;

/** Contribution rows of the dossiers of generation $1 (all of them, or one: `AND f.dossier_id = $2::uuid`). */
export function contributionSql(where = '', grain: Grain = 'day'): string {
  const r = `k.role = 'r'`;
  const fin = `k.role = 'f'`;
  return `SELECT ${bucket(grain, 'k.day')} AS day, f.agency_code, COALESCE(f.unit_code, '') AS unit_code, f.domain_code, f.procedure_code, f.procedure_version, f.channel,
      count(*)::int AS facts,
      count(*) FILTER (WHERE ${r})::int AS received,
      count(*) FILTER (WHERE ${r} AND f.finished_at IS NULL AND f.status <> 'withdrawn')::int AS in_progress,
      count(*) FILTER (WHERE ${r} AND f.status = 'withdrawn')::int AS withdrawn,
      count(*) FILTER (WHERE ${fin})::int AS processed,
      count(*) FILTER (WHERE k.role = 't')::int AS returned,
      count(*) FILTER (WHERE ${fin} AND f.on_time)::int AS on_time,
      count(*) FILTER (WHERE ${fin} AND NOT f.on_time)::int AS late,
      count(*) FILTER (WHERE ${fin} AND f.received_at IS NOT NULL)::int AS timed,
      COALESCE(sum(${PROCESSING_DAYS_SQL}) FILTER (WHERE ${fin} AND f.received_at IS NOT NULL), 0)::text AS processing_days,
      COALESCE(sum(f.supplement_count) FILTER (WHERE ${r}), 0)::int AS supplements,
      COALESCE(sum(f.extension_count) FILTER (WHERE ${r}), 0)::int AS extensions,
      COALESCE(sum(f.documents_total) FILTER (WHERE ${r}), 0)::int AS documents_total,
      COALESCE(sum(f.documents_digitized) FILTER (WHERE ${r}), 0)::int AS documents_digitized,
      COALESCE(sum(f.documents_reused) FILTER (WHERE ${r}), 0)::int AS documents_reused,
      count(*) FILTER (WHERE ${r} AND f.population_data_used)::int AS population_data,
      count(*) FILTER (WHERE ${fin} AND f.electronic_result)::int AS electronic_results,
      count(*) FILTER (WHERE ${fin} AND f.electronic_result IS NOT NULL)::int AS results,
      COALESCE(sum(f.payments_total) FILTER (WHERE ${r}), 0)::int AS payments,
      COALESCE(sum(f.payments_online) FILTER (WHERE ${r}), 0)::int AS payments_online,
      max(f.last_event_at) AS last_event_at
    FROM dossier_fact f
    CROSS JOIN LATERAL (VALUES ('r', f.received_on), ('f', f.finished_on), ('t', f.returned_on)) AS k(role, day)
    WHERE f.generation = $1 AND k.day IS NOT NULL ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Fills a rollup of a generation from its facts (bench seeding, repair): the GROUP BY the deltas maintain. */
export function rebuildRollupSql(grain: Grain): string {
  const columns = ['generation', ...ROLLUP_KEYS, ...ROLLUP_COUNTS, 'processing_days', 'last_event_at'];
  return `INSERT INTO ${ROLLUP_TABLES[grain]} (${columns.join(', ')})
    SELECT $1, c.day, c.agency_code, c.unit_code, c.domain_code, c.procedure_code, c.procedure_version, c.channel,
      ${ROLLUP_COUNTS.map((m) => `c.${m}`).join(', ')}, c.processing_days::numeric, c.last_event_at
    FROM (${contributionSql('', grain)}) AS c`;
}

type Contribution = { grain: Grain } & Record<(typeof ROLLUP_KEYS)[number], string | number | Date> &
  Record<(typeof ROLLUP_COUNTS)[number], number> & { processing_days: string; last_event_at: Date };

const keyOf = (c: Contribution) =>
  ROLLUP_KEYS.map((k) => (c[k] instanceof Date ? (c[k]).toISOString().slice(0, 10) : String(c[k]))).join('\u0001');

/** One dossier's current contribution to both rollups (up to three rows each: its receipt, finish and return days). */
export async function contributionOf(tx: ReportingTx, generation: number, dossierId: string): Promise<Contribution[]> {
  const select = (grain: Grain) => `SELECT '${grain}' AS grain, to_char(c.day, 'YYYY-MM-DD') AS day, c.agency_code, c.unit_code, c.domain_code,
       c.procedure_code, c.procedure_version, c.channel, ${ROLLUP_COUNTS.map((m) => `c.${m}`).join(', ')}, c.processing_days, c.last_event_at
     FROM (${contributionSql('AND f.dossier_id = $2::uuid', grain)}) AS c`;
  return tx.$queryRawUnsafe<Contribution[]>(`${select('day')} UNION ALL ${select('month')}`, generation, dossierId);
}

/** Moves one dossier's contribution from `before` to `after` in both rollups. */
export async function applyRollupDeltas(tx: ReportingTx, generation: number, before: Contribution[], after: Contribution[]): Promise<void> {
  for (const grain of ['day', 'month'] as const) {
    await applyRollupDelta(tx, grain, generation, before.filter((c) => c.grain === grain), after.filter((c) => c.grain === grain));
  }
}

/**
 * Moves one dossier's contribution from `before` to `after` in a single upsert (rows in key order, so
 * concurrent transactions lock them in the same order), then drops emptied rows and recomputes the
 * cut-off of rows the dossier left (a maximum cannot be taken back by a delta).
 */
async function applyRollupDelta(tx: ReportingTx, grain: Grain, generation: number, before: Contribution[], after: Contribution[]): Promise<void> {
  const old = new Map(before.map((c) => [keyOf(c), c]));
  const now = new Map(after.map((c) => [keyOf(c), c]));
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
  const values: unknown[] = [generation];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const rows: string[] = [];
  for (const key of keys) {
    const o = old.get(key);
    const n = now.get(key);
    const same = o && n && ROLLUP_COUNTS.every((m) => o[m] === n[m]) && o.processing_days === n.processing_days &&
      new Date(o.last_event_at).getTime() === new Date(n.last_event_at).getTime();
    if (same) continue;
    const source = (n ?? o)!;
    const keyValues = [`${param(source.day)}::date`, param(source.agency_code), param(source.unit_code), param(source.domain_code),
      param(source.procedure_code), `${param(Number(source.procedure_version))}::int`, param(source.channel)];
    const counts = ROLLUP_COUNTS.map((m) => `${param((n?.[m] ?? 0) - (o?.[m] ?? 0))}::int`);
    const days = `(${param(n?.processing_days ?? '0')}::numeric - ${param(o?.processing_days ?? '0')}::numeric)`;
    const lastEventAt = `${param(new Date((n ?? o)!.last_event_at).toISOString())}::timestamptz`;
    rows.push(`($1, ${keyValues.join(', ')}, ${counts.join(', ')}, ${days}, ${lastEventAt})`);
  }
  if (rows.length === 0) return;
  const columns = ['generation', ...ROLLUP_KEYS, ...ROLLUP_COUNTS, 'processing_days', 'last_event_at'];
  const pk = ['generation', ...ROLLUP_KEYS];
  await tx.$executeRawUnsafe(
    `INSERT INTO ${ROLLUP_TABLES[grain]} AS r (${columns.join(', ')}) VALUES ${rows.join(', ')}
     ON CONFLICT (${pk.join(', ')}) DO UPDATE SET
       ${[...ROLLUP_COUNTS, 'processing_days'].map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(', ')},
       last_event_at = GREATEST(r.last_event_at, EXCLUDED.last_event_at)`,
    ...values,
  );
  const left = [...old.keys()].filter((k) => !now.has(k)).map((k) => old.get(k)!);
  const match = `r.generation = $1 AND r.day = $2::date AND r.agency_code = $3 AND r.unit_code = $4 AND r.domain_code = $5
    AND r.procedure_code = $6 AND r.procedure_version = $7 AND r.channel = $8`;
  for (const c of left) {
    const args = [generation, c.day, c.agency_code, c.unit_code, c.domain_code, c.procedure_code, Number(c.procedure_version), c.channel];
    await tx.$executeRawUnsafe(`DELETE FROM ${ROLLUP_TABLES[grain]} r WHERE ${match} AND r.facts = 0`, ...args);
    await tx.$executeRawUnsafe(
      `UPDATE ${ROLLUP_TABLES[grain]} r SET last_event_at = (
         SELECT max(f.last_event_at) FROM dossier_fact f
         WHERE f.generation = r.generation AND f.agency_code = r.agency_code AND COALESCE(f.unit_code, '') = r.unit_code
           AND f.domain_code = r.domain_code AND f.procedure_code = r.procedure_code AND f.procedure_version = r.procedure_version
           AND f.channel = r.channel AND (${bucket(grain, 'f.received_on')} = r.day OR ${bucket(grain, 'f.finished_on')} = r.day OR ${bucket(grain, 'f.returned_on')} = r.day))
       WHERE ${match}`,
      ...args,
    );
  }
}
