import { Injectable } from '@nestjs/common';
import { ReportingDatabase } from '../reporting.database';
import type { Filters } from './figures.repository';
import { ListsRepository, type RunningStage } from './lists.repository';

export type InterAgencyStage = {
  order: number;
  agencyCode: string;
  agencyName: string;
  status: string;
  stageDueDate: string | null;
  handedBackAt: string | null;
  workingHoursTaken: number | null;
  onTime: boolean | null;
};
export type InterAgencyDossier = {
  dossierCode: string;
  procedureCode: string;
  /** The resolving (lead) agency. */
  agencyCode: string;
  domainCode: string;
  status: string;
  dueDate: string | null;
  /** Who holds it now: the agencies of its running stages; empty when it is back with the lead side (to be sent on, or decided). */
  heldBy: RunningStage[];
  stages: InterAgencyStage[];
};
export type WaitingAt = { agencyCode: string; agencyName: string; dossiers: number; late: number };

/**
 * Một cửa liên thông on the dashboard: the unfinished inter-agency dossiers (those with a stage
 * sent to an agency of the chain) and where they wait. `agency` keeps the dossiers it leads or
 * holds a stage of.
 */
@Injectable()
export class InterAgencyRepository {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly lists: ListsRepository,
  ) {}

  async unfinished(
    generation: number,
    filters: Omit<Filters, 'unit'>,
    limit: number,
  ): Promise<{ waitingAt: WaitingAt[]; dossiers: InterAgencyDossier[] }> {
    const values: unknown[] = [generation, limit];
    const param = (value: unknown) => `$${values.push(value)}`;
    const where = [
      filters.agency
        ? ` AND (f.agency_code = ${param(filters.agency)} OR EXISTS (SELECT 1 FROM dossier_stage_fact a
             WHERE a.generation = f.generation AND a.dossier_id = f.dossier_id AND a.agency_code = $${values.length}))`
        : '',
      filters.domain ? ` AND f.domain_code = ${param(filters.domain)}` : '',
      filters.procedure ? ` AND f.procedure_code = ${param(filters.procedure)}` : '',
    ].join('');
    const rows = await this.db.$queryRawUnsafe<
      (Omit<InterAgencyDossier, 'heldBy'> & { dossierId: string })[]
    >(
      `SELECT f.dossier_id AS "dossierId", f.dossier_code AS "dossierCode", f.procedure_code AS "procedureCode",
         f.agency_code AS "agencyCode", f.domain_code AS "domainCode", f.status,
         to_char(f.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "dueDate",
         (SELECT json_agg(json_build_object('order', s.stage_order, 'agencyCode', s.agency_code,
             'agencyName', s.agency_name, 'status', s.status,
             'stageDueDate', to_char(s.legal_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'handedBackAt', to_char(s.handed_back_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'workingHoursTaken', s.working_hours_taken::float8, 'onTime', s.on_time)
             ORDER BY s.stage_order, s.agency_code)
          FROM dossier_stage_fact s WHERE s.generation = f.generation AND s.dossier_id = f.dossier_id) AS stages
       FROM dossier_fact f
       WHERE f.generation = $1 AND f.finished_at IS NULL AND f.status <> 'withdrawn'
         AND EXISTS (SELECT 1 FROM dossier_stage_fact s WHERE s.generation = f.generation AND s.dossier_id = f.dossier_id)
         ${where}
       ORDER BY f.due_date ASC NULLS LAST, f.dossier_code LIMIT $2`,
      ...values,
    );
    const running = await this.lists.runningStages(
      generation,
      rows.map((r) => r.dossierId),
    );
    const dossiers = rows.map(({ dossierId, ...row }) => ({
      ...row,
      heldBy: running
        .filter((s) => s.dossierId === dossierId)
        .map(({ dossierId: _, ...s }) => ({ ...s, late: s.late && row.status !== 'supplement' })),
    }));
    const waiting = new Map<string, WaitingAt>();
    for (const d of dossiers) {
      const lead = {
        agencyCode: d.agencyCode,
        agencyName: d.stages.find((s) => s.agencyCode === d.agencyCode)?.agencyName ?? '',
        late: false,
      };
      const holders = d.heldBy.length > 0 ? d.heldBy : [lead];
      for (const h of holders) {
        const at = waiting.get(h.agencyCode) ?? {
          agencyCode: h.agencyCode,
          agencyName: h.agencyName,
          dossiers: 0,
          late: 0,
        };
        at.dossiers += 1;
        at.late += h.late ? 1 : 0;
        waiting.set(h.agencyCode, at);
      }
    }
    return {
      waitingAt: [...waiting.values()].sort((a, b) => a.agencyCode.localeCompare(b.agencyCode)),
      dossiers,
    };
  }
}
