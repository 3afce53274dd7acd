import { Injectable } from '@nestjs/common';
import { ReportingDatabase } from '../reporting.database';
import type { Filters } from './figures.repository';

export type OverdueDossier = {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  domainCode: string;
  unitCode: string | null;
  status: string;
  dueDate: string;
  daysLate: number;
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
  scopes: {
    domainCode: string;
    domainName: string;
    responsibleUnitName: string;
    deadline: string;
    procedureCodes: string[];
  }[];
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

  /** Unfinished dossiers past their due date (by an overdue event, or by the clock). */
  async overdue(generation: number, filters: Filters, limit: number): Promise<OverdueDossier[]> {
    const values: unknown[] = [generation, limit];
    const where = (['agency', 'unit', 'domain', 'procedure'] as const)
      .filter((name) => filters[name] !== undefined)
      .map((name) => {
        values.push(filters[name]);
        return ` AND ${name === 'procedure' ? 'procedure_code' : `${name}_code`} = $${values.length}`;
      })
      .join('');
    return this.db.$queryRawUnsafe<OverdueDossier[]>(
      `SELECT dossier_code AS "dossierCode", procedure_code AS "procedureCode", agency_code AS "agencyCode",
         domain_code AS "domainCode", unit_code AS "unitCode", status,
         to_char(due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "dueDate",
         round((extract(epoch FROM now() - due_date) / 86400)::numeric, 1)::float8 AS "daysLate"
       FROM dossier_fact
       WHERE generation = $1 AND finished_at IS NULL AND status NOT IN ('withdrawn', 'submitted')
         AND (overdue OR due_date < now()) ${where}
       ORDER BY due_date ASC, dossier_code LIMIT $2`,
      ...values,
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
