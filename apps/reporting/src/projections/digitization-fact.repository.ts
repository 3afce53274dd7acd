import { toLocalDate } from '@motcua/calendar';
import type { ReportingTx } from '../reporting.database';

export type DigitizationKind = 'digitized' | 'result_issued' | 'result_revoked' | 'reused';

export type DigitizationRow = {
  kind: DigitizationKind;
  dossierId: string | null;
  agencyCode: string;
  electronic: boolean | null;
  synced: boolean | null;
};

/** What one digitization_fact row adds to digitization_day_rollup (also the SQL that rebuilds it from facts). */
export const DIGITIZATION_ROLLUP_COUNTS = `1, (d.kind = 'digitized')::int, (d.kind = 'digitized' AND d.synced IS TRUE)::int,
  (d.kind = 'result_issued')::int, (d.kind = 'result_issued' AND d.electronic IS TRUE)::int, (d.kind = 'reused')::int,
  (d.kind = 'result_revoked')::int`;
export const DIGITIZATION_ROLLUP_COLUMNS =
  'generation, day, agency_code, events, scans, scans_synced, results_issued, results_issued_electronic, reuses, results_revoked, last_occurred_at';

/** Fills digitization_day_rollup of generation $1 from its facts (bench seeding, the equivalence test). */
export const REBUILD_DIGITIZATION_ROLLUP_SQL = `INSERT INTO digitization_day_rollup (${DIGITIZATION_ROLLUP_COLUMNS})
  SELECT $1, d.occurred_on, d.agency_code, count(*), count(*) FILTER (WHERE d.kind = 'digitized'),
    count(*) FILTER (WHERE d.kind = 'digitized' AND d.synced), count(*) FILTER (WHERE d.kind = 'result_issued'),
    count(*) FILTER (WHERE d.kind = 'result_issued' AND d.electronic), count(*) FILTER (WHERE d.kind = 'reused'),
    count(*) FILTER (WHERE d.kind = 'result_revoked'), max(d.occurred_at)
  FROM digitization_fact d WHERE d.generation = $1 GROUP BY d.occurred_on, d.agency_code`;

/**
 * Appends one digitization event to digitization_fact of a generation (one row per event id) and, when the
 * row is new, adds it to digitization_day_rollup in the same statement.
 */
export async function appendDigitizationFact(
  tx: ReportingTx,
  generation: number,
  eventId: string,
  row: DigitizationRow,
  occurredAt: string,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH d AS (
       INSERT INTO digitization_fact (generation, event_id, kind, dossier_id, agency_code, electronic, synced, occurred_at, occurred_on)
       VALUES ($1, $2::uuid, $3, $4::uuid, $5, $6, $7, $8::timestamptz, $9::date) ON CONFLICT DO NOTHING
       RETURNING kind, agency_code, electronic, synced, occurred_at, occurred_on)
     INSERT INTO digitization_day_rollup AS r (${DIGITIZATION_ROLLUP_COLUMNS})
     SELECT $1, d.occurred_on, d.agency_code, ${DIGITIZATION_ROLLUP_COUNTS}, d.occurred_at FROM d
     ON CONFLICT (generation, day, agency_code) DO UPDATE SET events = r.events + 1, scans = r.scans + EXCLUDED.scans,
       scans_synced = r.scans_synced + EXCLUDED.scans_synced, results_issued = r.results_issued + EXCLUDED.results_issued,
       results_issued_electronic = r.results_issued_electronic + EXCLUDED.results_issued_electronic,
       reuses = r.reuses + EXCLUDED.reuses, results_revoked = r.results_revoked + EXCLUDED.results_revoked,
       last_occurred_at = GREATEST(r.last_occurred_at, EXCLUDED.last_occurred_at)`,
    generation,
    eventId,
    row.kind,
    row.dossierId,
    row.agencyCode,
    row.electronic,
    row.synced,
    occurredAt,
    toLocalDate(occurredAt),
  );
}
