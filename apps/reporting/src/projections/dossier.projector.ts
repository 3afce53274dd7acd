import { Injectable } from '@nestjs/common';
import type { CloudEvent, DossierFacts } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { dossierChange, type DossierChange } from './dossier-change';
import { cleanUpLeftRows, oldContributionColumns, rollupDeltaSql, type LeftRow } from './dossier-rollup';
import { localDateOf } from './local-time';

type DossierEvent = CloudEvent<DossierFacts & Record<string, unknown>>;

/** The upsert of the facts every dossier event carries ($1 generation, $2 dossier id). */
const UPSERT_SQL = `INSERT INTO dossier_fact (generation, dossier_id, dossier_code, procedure_code, procedure_version, agency_code,
         domain_code, channel, applicant_type, status, portal_status, received_at, received_on, due_date, last_event_at)
       VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, 'processing'), $11, $12::timestamptz, $13::date,
         $14::timestamptz, $15::timestamptz)
       ON CONFLICT (generation, dossier_id) DO UPDATE SET
         dossier_code = EXCLUDED.dossier_code, procedure_code = EXCLUDED.procedure_code,
         procedure_version = EXCLUDED.procedure_version, agency_code = EXCLUDED.agency_code,
         domain_code = EXCLUDED.domain_code, channel = EXCLUDED.channel, applicant_type = EXCLUDED.applicant_type,
         status = COALESCE($10, dossier_fact.status), portal_status = EXCLUDED.portal_status,
         received_at = COALESCE(EXCLUDED.received_at, dossier_fact.received_at),
         received_on = COALESCE(EXCLUDED.received_on, dossier_fact.received_on),
         due_date = COALESCE(EXCLUDED.due_date, dossier_fact.due_date),
         last_event_at = GREATEST(EXCLUDED.last_event_at, dossier_fact.last_event_at)`;

function upsertValues(generation: number, event: DossierEvent, change: DossierChange): unknown[] {
  const d = event.data;
  return [
    generation,
    d.dossierId,
    d.dossierCode,
    d.procedureCode,
    d.procedureVersion,
    d.agencyCode,
    d.domainCode,
    d.channel,
    d.applicantType,
    change.status,
    d.portalStatus,
    d.receivedAt ?? null,
    d.receivedAt ? localDateOf(d.receivedAt) : null,
    d.dueDate ?? null,
    d.occurredAt,
  ];
}

/** The event's own changes to the row: an UPDATE and its values (no SQL when the upsert said it all). */
function updateOf(generation: number, event: DossierEvent, change: DossierChange): { sql: string; values: unknown[] } {
  const d = event.data;
  const assignments: string[] = [];
  const values: unknown[] = [generation, d.dossierId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const [column, value] of Object.entries(change.set)) assignments.push(`${column} = ${param(value)}`);
  for (const [column, by] of Object.entries(change.increment)) assignments.push(`${column} = ${column} + ${param(by)}`);
  if (change.pausedHours) assignments.push(`paused_hours = paused_hours + ${param(change.pausedHours)}`);
  if (change.finish) {
    const at = param(change.finish.at);
    assignments.push(
      `finished_at = COALESCE(finished_at, ${at}::timestamptz)`,
      `finished_on = COALESCE(finished_on, ${param(localDateOf(change.finish.at))}::date)`,
      `finish_kind = COALESCE(finish_kind, ${param(change.finish.kind)})`,
      `on_time = CASE WHEN finished_at IS NULL THEN ${at}::timestamptz <= due_date ELSE on_time END`,
    );
  }
  const sql = assignments.length === 0 ? '' : `UPDATE dossier_fact SET ${assignments.join(', ')} WHERE generation = $1 AND dossier_id = $2::uuid`;
  return { sql, values };
}

/**
 * Writes dossier events into dossier_fact of one generation (idempotent through the inbox) and moves the
 * touched dossiers' contributions in the daily and monthly rollups in the same transaction. A batch costs
 * two rollup statements whatever its size: the contributions before the batch, then, once the facts are
 * written (an upsert and an update per event), the difference applied to both rollups.
 */
@Injectable()
export class DossierProjector {
  async applyMany(generation: number, events: DossierEvent[], tx: ReportingTx): Promise<void> {
    const touched = [...new Set(events.map((event) => event.data.dossierId))];
    const [old] = await tx.$queryRawUnsafe<{ old_day: string; old_month: string }[]>(`SELECT ${oldContributionColumns()}`, generation, touched);
    for (const event of events) await this.writeFact(generation, event, tx);
    const left = await tx.$queryRawUnsafe<LeftRow[]>(rollupDeltaSql('$3', '$4'), generation, touched, old.old_day, old.old_month);
    await cleanUpLeftRows(tx, generation, left);
  }

  /** The facts alone, without the rollups (the baseline of tools/bench/reporting/projector-cost.bench.ts). */
  async writeFact(generation: number, event: DossierEvent, tx: ReportingTx): Promise<void> {
    const change = dossierChange(event);
    await tx.$executeRawUnsafe(UPSERT_SQL, ...upsertValues(generation, event, change));
    const update = updateOf(generation, event, change);
    if (update.sql) await tx.$executeRawUnsafe(update.sql, ...update.values);
  }
}
