import type { ReportingTx } from '../reporting.database';
import { COUNTERS, SETTABLE } from './dossier-change';
import {
  FRESH,
  foldDossierEvents,
  type DossierDelta,
  type DossierEvent,
  type FoldedDossier,
} from './dossier-fold';

export type { DossierEvent } from './dossier-fold';

/** A folded write changed another number of rows than it has dossiers: the chunk must not commit. */
export class FoldCollision extends Error {}

/**
 * The rows of dossier_fact a run of events writes: the events folded per dossier
 * (dossier-fold.ts), one INSERT … ON CONFLICT DO UPDATE per layer of the fold, in practice one per
 * run. Each statement must change exactly one row per dossier it carries; otherwise it throws, the
 * chunk's transaction rolls back and the consumer applies its events one by one (a run of one).
 */
export async function writeDossierFacts(
  tx: ReportingTx,
  generation: number,
  events: DossierEvent[],
): Promise<void> {
  for (const layer of foldDossierEvents(generation, events)) {
    const changed = await tx.$executeRawUnsafe(UPSERT, ...parametersOf(layer), FRESH_JSON);
    if (changed !== layer.length)
      throw new FoldCollision(`${changed} dossier_fact rows written for ${layer.length} dossiers`);
  }
}

/** `$3`: the columns a row's events did not change are FRESH's. */
const FRESH_JSON = JSON.stringify(FRESH);

/** `$1` the rows as new dossiers, `$2` their deltas by dossier id (a lookup, not a scan per row). */
function parametersOf(layer: FoldedDossier[]): [string, string] {
  const deltas = Object.fromEntries(
    layer.map(({ row, delta }): [string, DossierDelta] => [row.dossier_id as string, delta]),
  );
  return [JSON.stringify(layer.map(({ row }) => row)), JSON.stringify(deltas)];
}

const BASE = [
  'generation',
  'dossier_id',
  'dossier_code',
  'procedure_code',
  'procedure_version',
  'agency_code',
  'domain_code',
  'channel',
  'applicant_type',
  'status',
  'portal_status',
  'received_at',
  'received_on',
  'due_date',
  'last_event_at',
];
const CHANGED = Object.keys(FRESH).filter((column) => column !== 'on_time');
const COLUMNS = [...BASE, ...CHANGED];
/** The facts every event carries: the last event's win. */
const LAST = BASE.slice(2, 9).concat('portal_status');
const ADDED = [...COUNTERS, 'paused_hours'];

const deltaOf = (id: string) => `($2::jsonb -> ${id}::text)`;
const D = deltaOf('EXCLUDED.dossier_id');
/** The first finish against the due date known then: the run's latest before it, else the row's. */
const onTime = (delta: string, rowDue: string) =>
  `(${delta} #>> '{finish,at}')::timestamptz <= COALESCE((${delta} #>> '{finish,due}')::timestamptz(3), ${rowDue})`;

/**
 * `f` is the row before the statement, EXCLUDED the folded row as a new dossier: its counters and
 * paused hours are the increments, its facts the last ones. The settable columns are taken from the
 * delta's `set`, not from EXCLUDED: some have a default (documents 0, overdue false) that is no change.
 */
const UPSERT = `
  INSERT INTO dossier_fact AS f (${COLUMNS.join(', ')}, on_time)
  SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')},
    CASE WHEN r.finished_at IS NOT NULL THEN ${onTime(deltaOf('r.dossier_id'), 'NULL')} END
  FROM (SELECT jsonb_populate_record(NULL::dossier_fact, $3::jsonb) AS row) AS fresh
  CROSS JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n)
  CROSS JOIN LATERAL jsonb_populate_record(fresh.row, e.j) AS r
  ORDER BY e.n
  ON CONFLICT (generation, dossier_id) DO UPDATE SET
    ${LAST.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    status = COALESCE(${D} ->> 'status', f.status),
    received_at = COALESCE(EXCLUDED.received_at, f.received_at),
    received_on = COALESCE(EXCLUDED.received_on, f.received_on),
    due_date = COALESCE(EXCLUDED.due_date, f.due_date),
    last_event_at = GREATEST(EXCLUDED.last_event_at, f.last_event_at),
    ${ADDED.map((c) => `${c} = f.${c} + EXCLUDED.${c}`).join(',\n    ')},
    (${SETTABLE.join(', ')}) = (SELECT ${SETTABLE.map((c) => `COALESCE(s.${c}, f.${c})`).join(', ')}
      FROM jsonb_populate_record(NULL::dossier_fact, ${D} -> 'set') AS s),
    finished_at = COALESCE(f.finished_at, EXCLUDED.finished_at),
    finished_on = COALESCE(f.finished_on, EXCLUDED.finished_on),
    finish_kind = COALESCE(f.finish_kind, EXCLUDED.finish_kind),
    on_time = CASE WHEN f.finished_at IS NULL AND EXCLUDED.finished_at IS NOT NULL
      THEN ${onTime(D, 'f.due_date')} ELSE f.on_time END`;
