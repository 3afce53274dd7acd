import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { stageChange, type StageRow } from './stage-change';

const COLUMNS: (keyof StageRow)[] = [
  'stage_order',
  'agency_code',
  'agency_name',
  'external',
  'dossier_code',
  'lead_agency_code',
  'procedure_code',
  'procedure_version',
  'domain_code',
  'status',
  'started_at',
  'started_on',
  'legal_due_at',
  'transferred_at',
  'accepted_at',
  'handed_back_at',
  'handed_back_on',
  'working_hours_taken',
  'suspended_hours',
  'on_time',
  'last_event_at',
];

/** A stage moves forward only (transferred → accepted → handed_back). */
const RANK = `(CASE %s WHEN 'transferred' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END)`;
const rank = (column: string) => RANK.replace('%s', column);

/** One stage's row from its stage event: the clock and the times it carries, the earlier moves kept. */
const UPSERT = `
  INSERT INTO dossier_stage_fact AS s (generation, dossier_id, ${COLUMNS.join(', ')})
  SELECT $1, $2::uuid, ${COLUMNS.map((c) => `j.${c}`).join(', ')}
  FROM jsonb_populate_record(NULL::dossier_stage_fact, $3::jsonb) AS j
  ON CONFLICT (generation, dossier_id, stage_order, agency_code) DO UPDATE SET
    status = CASE WHEN ${rank('EXCLUDED.status')} >= ${rank('s.status')} THEN EXCLUDED.status ELSE s.status END,
    started_at = EXCLUDED.started_at, started_on = EXCLUDED.started_on,
    legal_due_at = EXCLUDED.legal_due_at,
    transferred_at = COALESCE(EXCLUDED.transferred_at, s.transferred_at),
    accepted_at = COALESCE(EXCLUDED.accepted_at, s.accepted_at),
    handed_back_at = COALESCE(EXCLUDED.handed_back_at, s.handed_back_at),
    handed_back_on = COALESCE(EXCLUDED.handed_back_on, s.handed_back_on),
    working_hours_taken = COALESCE(EXCLUDED.working_hours_taken, s.working_hours_taken),
    suspended_hours = COALESCE(EXCLUDED.suspended_hours, s.suspended_hours),
    on_time = COALESCE(EXCLUDED.on_time, s.on_time),
    last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at)`;

const RUNNING = `generation = $1 AND dossier_id = $2::uuid AND status <> 'handed_back'`;
/** Counted on the asking agency's running stage ($4), or on every running stage ($4 null: the lead side asked). */
const SUPPLEMENT = `UPDATE dossier_stage_fact SET supplement_count = supplement_count + 1,
  last_event_at = GREATEST(last_event_at, $3::timestamptz)
  WHERE ${RUNNING} AND ($4::text IS NULL OR agency_code = $4::text)`;
/** An event without the stages' clocks: their due dates are unknown until the next stage event. */
const RESTART = `UPDATE dossier_stage_fact SET legal_due_at = NULL,
  last_event_at = GREATEST(last_event_at, $3::timestamptz) WHERE ${RUNNING}`;
/** One running stage's clock after the complete supplement (restarted or paused) or a calendar change. */
const CLOCK = `UPDATE dossier_stage_fact SET legal_due_at = $6::timestamptz,
  last_event_at = GREATEST(last_event_at, $3::timestamptz)
  WHERE ${RUNNING} AND stage_order = $4 AND agency_code = $5`;

/** The stage rows a run of dossier events changes, in event order (the dossier's events are few). */
export async function writeStageFacts(
  tx: ReportingTx,
  generation: number,
  events: CloudEvent<{ dossierId: string } & Record<string, unknown>>[],
): Promise<void> {
  for (const event of events) {
    const change = stageChange(event);
    if (!change) continue;
    const dossierId = event.data.dossierId;
    if (change.kind === 'stage')
      await tx.$executeRawUnsafe(UPSERT, generation, dossierId, JSON.stringify(change.row));
    else if (change.kind === 'supplement')
      await tx.$executeRawUnsafe(
        SUPPLEMENT,
        generation,
        dossierId,
        change.at,
        change.agencyCode ?? null,
      );
    else if (change.kind === 'restart' && change.clocks === undefined)
      await tx.$executeRawUnsafe(RESTART, generation, dossierId, change.at);
    else
      for (const c of change.clocks ?? [])
        await tx.$executeRawUnsafe(
          CLOCK,
          generation,
          dossierId,
          change.at,
          c.order,
          c.agencyCode,
          c.stageLegalDueDate,
        );
  }
}
