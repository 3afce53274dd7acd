import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { reviewScopeSchema } from '@motcua/contracts';
import { ReportingDatabase } from '../reporting.database';
import type { Filters } from './figures.repository';
import { STAGE_RUNNING } from './stage-figures.repository';

export type OverdueDossier = {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  domainCode: string;
  unitCode: string | null;
  status: string;
  dueDate: string;
  /** The dossier itself is past its due date (else only a stage is late). */
  dossierOverdue: boolean;
  /** Days since the first missed due date: the dossier's or a running stage's. */
  daysLate: number;
  /** Một cửa liên thông: the agencies holding the dossier's running stages now. */
  heldBy: RunningStage[];
  /** The agencies whose running stage is past its own due date (clock not stopped by a supplement). */
  lateStageAgencyCodes: string[];
};

export type RunningStage = {
  order: number;
  agencyCode: string;
  agencyName: string;
  status: string;
  since: string;
  /** Null while a restarted clock's due date is not yet known (after a complete supplement). */
  stageDueDate: string | null;
  late: boolean;
};

export type CampaignDomainProgress = {
  domainCode: string;
  inScope: number;
  evaluated: number;
  proposals: number;
  deadline: string;
};
export type CampaignRow = {
  campaignId: string;
  name: string;
  year: number;
  deadline: string;
  scopes: z.infer<typeof reviewScopeSchema>[];
  progress: CampaignDomainProgress[] | null;
  progressAsOf: string | null;
  evaluatedCount: number;
  proposalCount: number;
  savingVnd: string;
  closedAt: string | null;
  lastEventAt: string;
};

/** Row-level lists: overdue dossiers and review campaigns. */
@Injectable()
export class ListsRepository {
  constructor(private readonly db: ReportingDatabase) {}

  /**
   * Unfinished dossiers past their due date (by an overdue event, or by the clock), and inter-agency
   * dossiers with a running stage past its own due date; each names the agencies holding its
   * running stages and those whose stage is late. `agency` filters the dossier's (lead) agency, or
   * the agency of a late stage: an agency answers for its own stage.
   */
  async overdue(generation: number, filters: Filters, limit: number): Promise<OverdueDossier[]> {
    const values: unknown[] = [generation, limit];
    const where = (column: (name: keyof Filters) => string) =>
      (['agency', 'unit', 'domain', 'procedure'] as const)
        .filter((name) => filters[name] !== undefined)
        .map((name) => {
          values.push(filters[name]);
          return ` AND ${column(name)} = $${values.length}`;
        })
        .join('');
    const column = (name: keyof Filters) =>
      name === 'procedure' ? 'f.procedure_code' : `f.${name}_code`;
    const dossierWhere = where(column);
    const stageWhere = where((name) => (name === 'agency' ? 's.agency_code' : column(name)));
    const rows = await this.db.$queryRawUnsafe<(OverdueDossier & { dossierId: string })[]>(
      `WITH late AS (
         (SELECT f.dossier_id FROM dossier_fact f
          WHERE f.generation = $1 AND f.finished_at IS NULL AND f.status NOT IN ('withdrawn', 'submitted')
            AND (f.overdue OR f.due_date < now()) ${dossierWhere}
          ORDER BY f.due_date ASC, f.dossier_code LIMIT $2)
         UNION
         (SELECT s.dossier_id FROM dossier_stage_fact s
          JOIN dossier_fact f ON f.generation = s.generation AND f.dossier_id = s.dossier_id
          WHERE s.generation = $1 AND ${STAGE_RUNNING} AND f.status NOT IN ('submitted', 'supplement')
            AND s.legal_due_at < now() ${stageWhere}
          ORDER BY s.legal_due_at ASC LIMIT $2))
       SELECT f.dossier_id AS "dossierId", f.dossier_code AS "dossierCode", f.procedure_code AS "procedureCode",
         f.agency_code AS "agencyCode", f.domain_code AS "domainCode", f.unit_code AS "unitCode", f.status,
         to_char(f.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "dueDate",
         (f.overdue OR f.due_date < now()) AS "dossierOverdue",
         round((extract(epoch FROM now() - x.since) / 86400)::numeric, 1)::float8 AS "daysLate"
       FROM late JOIN dossier_fact f ON f.generation = $1 AND f.dossier_id = late.dossier_id
       CROSS JOIN LATERAL (SELECT LEAST(CASE WHEN f.overdue OR f.due_date < now() THEN f.due_date END,
           (SELECT min(s.legal_due_at) FROM dossier_stage_fact s WHERE s.generation = $1
              AND s.dossier_id = f.dossier_id AND s.status <> 'handed_back' AND s.legal_due_at < now()
              AND f.status <> 'supplement')) AS since) x
       ORDER BY x.since ASC, f.dossier_code LIMIT $2`,
      ...values,
    );
    const stages = await this.runningStages(
      generation,
      rows.map((r) => r.dossierId),
    );
    return rows.map(({ dossierId, ...row }) => {
      const heldBy = stages
        .filter((s) => s.dossierId === dossierId)
        .map(({ dossierId: _, ...s }) => s);
      return {
        ...row,
        heldBy,
        lateStageAgencyCodes: heldBy
          .filter((s) => s.late && row.status !== 'supplement')
          .map((s) => s.agencyCode),
      };
    });
  }

  /** The running stages (transferred or accepted, not handed back) of some dossiers: who holds them now. */
  async runningStages(
    generation: number,
    dossierIds: string[],
  ): Promise<(RunningStage & { dossierId: string })[]> {
    if (dossierIds.length === 0) return [];
    return this.db.$queryRawUnsafe(
      `SELECT s.dossier_id AS "dossierId", s.stage_order AS "order", s.agency_code AS "agencyCode",
         s.agency_name AS "agencyName", s.status,
         to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "since",
         to_char(s.legal_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "stageDueDate",
         COALESCE(s.legal_due_at < now(), false) AS late
       FROM dossier_stage_fact s
       WHERE s.generation = $1 AND s.dossier_id = ANY($2::uuid[]) AND s.status <> 'handed_back'
       ORDER BY s.stage_order, s.agency_code`,
      generation,
      dossierIds,
    );
  }

  async campaigns(generation: number, domain?: string): Promise<CampaignRow[]> {
    const rows = await this.db.reviewCampaignFact.findMany({
      where: { generation },
      orderBy: [{ year: 'desc' }, { name: 'asc' }],
    });
    return rows
      .map((r) => ({
        campaignId: r.campaignId,
        name: r.name,
        year: r.year,
        deadline: r.deadline.toISOString().slice(0, 10),
        scopes: r.scopes as CampaignRow['scopes'],
        progress: (r.progress as CampaignDomainProgress[] | null) ?? null,
        progressAsOf: r.progressAsOf?.toISOString() ?? null,
        evaluatedCount: r.evaluatedCount,
        proposalCount: r.proposalCount,
        savingVnd: r.savingVnd.toString(),
        closedAt: r.closedAt?.toISOString() ?? null,
        lastEventAt: r.lastEventAt.toISOString(),
      }))
      .filter((c) => !domain || c.scopes.some((s) => s.domainCode === domain));
  }
}
