import type { CloudEvent, DossierFacts } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import { COUNTERS, SETTABLE, dossierChange } from './dossier-change';

export type DossierEvent = CloudEvent<DossierFacts & Record<string, unknown>>;
type Value = string | number | boolean | null;

/**
 * A row of dossier_fact before any event changed it: the table's defaults for every column an
 * event may change (the equivalence spec checks them against the table).
 */
export const FRESH: Readonly<Record<string, Value>> = {
  ...Object.fromEntries(SETTABLE.map((column) => [column, null])),
  documents_total: 0,
  documents_digitized: 0,
  documents_reused: 0,
  population_data_used: false,
  overdue: false,
  ...Object.fromEntries(COUNTERS.map((counter) => [counter, 0])),
  paused_hours: 0,
  finished_at: null,
  finished_on: null,
  finish_kind: null,
  on_time: null,
};

/**
 * What a dossier's folded events do to a row that already exists, beyond what the inserted row
 * says: the last status set, the last value set per settable column (a default in the inserted
 * row is no change), and the first finish with the due date known at that event (null: the row's).
 */
export type DossierDelta = {
  status?: string;
  set: Record<string, Value>;
  finish?: { at: string; due: string | null };
};

/**
 * One dossier's events of a run folded into one write: `row` is what they give a new dossier, the
 * columns they change only (the others are FRESH's, filled in by the statement), which, on a row
 * that exists, is also the increments (counters and paused hours from 0), the last facts, and the
 * first finish.
 */
export type FoldedDossier = { row: Record<string, Value>; delta: DossierDelta };

/**
 * The dossier events of a run, in order, folded per dossier into layers of one write per dossier
 * each, to be written layer after layer. Everything but the paused hours combines exactly (integer
 * sums, last or first values); float additions do not regroup exactly ((a + b) + c is not always
 * a + (b + c)), so a dossier's second pause in a run starts its next write, in the next layer.
 */
export function foldDossierEvents(generation: number, events: DossierEvent[]): FoldedDossier[][] {
  const layers: FoldedDossier[][] = [];
  const open = new Map<string, { folded: FoldedDossier; layer: number }>();
  for (const event of events) {
    const id = event.data.dossierId;
    const change = dossierChange(event);
    let current = open.get(id);
    if (current && change.pausedHours && current.folded.row.paused_hours !== undefined) {
      current = { folded: start(generation, event), layer: current.layer + 1 };
      open.set(id, current);
      (layers[current.layer] ??= []).push(current.folded);
    } else if (!current) {
      current = { folded: start(generation, event), layer: 0 };
      open.set(id, current);
      (layers[0] ??= []).push(current.folded);
    }
    apply(current.folded, event, change);
  }
  return layers;
}

function start(generation: number, event: DossierEvent): FoldedDossier {
  return {
    row: { generation, dossier_id: event.data.dossierId, last_event_at: null },
    delta: { set: {} },
  };
}

/** One event on a folded dossier, as UPSERT then UPDATE of one event did on its row. */
function apply(
  { row, delta }: FoldedDossier,
  event: DossierEvent,
  change: ReturnType<typeof dossierChange>,
): void {
  const d = event.data;
  row.dossier_code = d.dossierCode;
  row.procedure_code = d.procedureCode;
  row.procedure_version = d.procedureVersion;
  row.agency_code = d.agencyCode;
  row.domain_code = d.domainCode;
  row.channel = d.channel;
  row.applicant_type = d.applicantType;
  row.portal_status = d.portalStatus;
  if (change.status) delta.status = change.status;
  row.status = delta.status ?? 'processing';
  if (d.receivedAt) {
    row.received_at = d.receivedAt;
    row.received_on = toLocalDate(d.receivedAt);
  }
  if (d.dueDate) row.due_date = d.dueDate;
  if (
    row.last_event_at === null ||
    Date.parse(d.occurredAt) > Date.parse(row.last_event_at as string)
  )
    row.last_event_at = d.occurredAt;
  for (const [column, value] of Object.entries(change.set)) {
    if (value === null || value === undefined) continue;
    row[column] = value;
    delta.set[column] = value;
  }
  for (const [counter, by] of Object.entries(change.increment))
    row[counter] = ((row[counter] as number | undefined) ?? 0) + by;
  if (change.pausedHours)
    row.paused_hours = ((row.paused_hours as number | undefined) ?? 0) + change.pausedHours;
  if (change.finish && !delta.finish) {
    row.finished_at = change.finish.at;
    row.finished_on = toLocalDate(change.finish.at);
    row.finish_kind = change.finish.kind;
    delta.finish = { at: change.finish.at, due: (row.due_date as string | null) ?? null };
  }
}
