import type { CloudEvent, DossierFacts } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { COUNTERS, SETTABLE, dossierChange } from './dossier-change';
import { toLocalDate } from '@motcua/calendar';

export type DossierEvent = CloudEvent<DossierFacts & Record<string, unknown>>;

/**
 * The rows of dossier_fact a run of events writes, in set-based statements: events are taken in
 * stretches of distinct dossiers (a statement may change a row only once), and each stretch costs one
 * upsert of the facts every event carries plus one update with the events' own changes. Each event
 * is one JSON object in the table's column names; increments, the paused hours and the finish ride
 * along under keys of their own.
 */
export async function writeDossierFacts(
  tx: ReportingTx,
  generation: number,
  events: DossierEvent[],
): Promise<void> {
  let stretch: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.data.dossierId)) {
      await writeStretch(tx, stretch);
      stretch = [];
      seen.clear();
    }
    seen.add(event.data.dossierId);
    stretch.push(rowOf(generation, event));
  }
  await writeStretch(tx, stretch);
}

function rowOf(generation: number, event: DossierEvent): Record<string, unknown> {
  const d = event.data;
  const change = dossierChange(event);
  const row: Record<string, unknown> = {
    generation,
    dossier_id: d.dossierId,
    dossier_code: d.dossierCode,
    procedure_code: d.procedureCode,
    procedure_version: d.procedureVersion,
    agency_code: d.agencyCode,
    domain_code: d.domainCode,
    channel: d.channel,
    applicant_type: d.applicantType,
    status: change.status,
    portal_status: d.portalStatus,
    received_at: d.receivedAt ?? null,
    received_on: d.receivedAt ? toLocalDate(d.receivedAt) : null,
    due_date: d.dueDate ?? null,
    last_event_at: d.occurredAt,
    ...change.set,
  };
  let changes = Object.keys(change.set).length > 0;
  for (const [counter, by] of Object.entries(change.increment)) {
    row[`+${counter}`] = by;
    changes = true;
  }
  if (change.pausedHours) {
    row['+paused_hours'] = change.pausedHours;
    changes = true;
  }
  if (change.finish) {
    Object.assign(row, {
      finish_at: change.finish.at,
      finish_on: toLocalDate(change.finish.at),
      finish_kind: change.finish.kind,
    });
    changes = true;
  }
  row.changes = changes;
  return row;
}

/** The stretch's rows as typed records: `r` the dossier_fact columns, `j` the whole object. */
const GIVEN = `given AS (
  SELECT e.n, e.j, r.* FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n)
  CROSS JOIN LATERAL jsonb_populate_record(NULL::dossier_fact, e.j) AS r)`;

const UPSERT = `WITH ${GIVEN}
  INSERT INTO dossier_fact AS f (generation, dossier_id, dossier_code, procedure_code, procedure_version, agency_code,
    domain_code, channel, applicant_type, status, portal_status, received_at, received_on, due_date, last_event_at)
  SELECT generation, dossier_id, dossier_code, procedure_code, procedure_version, agency_code, domain_code, channel,
    applicant_type, COALESCE(status, 'processing'), portal_status, received_at, received_on, due_date, last_event_at
  FROM given ORDER BY n
  ON CONFLICT (generation, dossier_id) DO UPDATE SET
    dossier_code = EXCLUDED.dossier_code, procedure_code = EXCLUDED.procedure_code,
    procedure_version = EXCLUDED.procedure_version, agency_code = EXCLUDED.agency_code,
    domain_code = EXCLUDED.domain_code, channel = EXCLUDED.channel, applicant_type = EXCLUDED.applicant_type,
    status = COALESCE($2::jsonb ->> EXCLUDED.dossier_id::text, f.status),
    portal_status = EXCLUDED.portal_status,
    received_at = COALESCE(EXCLUDED.received_at, f.received_at),
    received_on = COALESCE(EXCLUDED.received_on, f.received_on),
    due_date = COALESCE(EXCLUDED.due_date, f.due_date),
    last_event_at = GREATEST(EXCLUDED.last_event_at, f.last_event_at)`;

/** Every assignment reads the row as it was before this update, as one UPDATE per event did. */
const CHANGE = `WITH ${GIVEN}
  UPDATE dossier_fact AS f SET
    ${SETTABLE.map((c) => `${c} = COALESCE(g.${c}, f.${c})`).join(',\n    ')},
    ${COUNTERS.map((c) => `${c} = f.${c} + COALESCE((g.j->>'+${c}')::int, 0)`).join(',\n    ')},
    paused_hours = f.paused_hours + COALESCE((g.j->>'+paused_hours')::float8, 0),
    finished_at = COALESCE(f.finished_at, (g.j->>'finish_at')::timestamptz),
    finished_on = COALESCE(f.finished_on, (g.j->>'finish_on')::date),
    finish_kind = COALESCE(f.finish_kind, g.j->>'finish_kind'),
    on_time = CASE WHEN f.finished_at IS NULL AND g.j ? 'finish_at' THEN (g.j->>'finish_at')::timestamptz <= f.due_date ELSE f.on_time END
  FROM given g WHERE (g.j->>'changes')::boolean AND f.generation = g.generation AND f.dossier_id = g.dossier_id`;

/** `$2` of the upsert: the status each event of the stretch sets, by dossier (a lookup, not a scan of the stretch per row). */
const statusesOf = (rows: Record<string, unknown>[]) =>
  JSON.stringify(
    Object.fromEntries(
      rows.filter((row) => row.status != null).map((row) => [row.dossier_id, row.status]),
    ),
  );

async function writeStretch(tx: ReportingTx, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await tx.$executeRawUnsafe(UPSERT, json, statusesOf(rows));
  if (rows.some((row) => row.changes)) await tx.$executeRawUnsafe(CHANGE, json);
}
