import { Injectable } from '@nestjs/common';
import { DossiersDatabase } from '../dossiers.database';
import { Prisma } from '../generated/prisma/client';
import type { TrackingBookDossier } from './tracking-book.rows';

/**
 * The tracking book's queries: an agency's dossiers of a period in keyset pages (indexes
 * dossier(agency_code, received_at, id) and dossier(receiving_agency_code, received_at, id)), and
 * the first time each dossier's actions were logged.
 */
@Injectable()
export class TrackingBookRepository {
  constructor(private readonly db: DossiersDatabase) {}

  /** One page of the dossiers received in [start, end) that the agency's book holds, after `after` in receipt order. */
  dossiers(
    agencyCode: string,
    period: { start: Date; end: Date },
    after: { receivedAt: Date; id: string } | undefined,
    limit: number,
  ): Promise<TrackingBookDossier[]> {
    const { start, end } = period;
    // A row-value comparison, so PostgreSQL walks the index from the last row instead of re-reading the year.
    const page = Prisma.sql`received_at >= ${start} AND received_at < ${end}
           ${after ? Prisma.sql`AND (received_at, id) > (${after.receivedAt}, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY received_at, id LIMIT ${limit}`;
    // Each half walks its own index; the union is ordered again (two pages merged, one kept).
    return this.db.$queryRaw<TrackingBookDossier[]>`
        SELECT id, code, procedure_code AS "procedureCode", procedure_version AS "procedureVersion", agency_code AS "agencyCode",
               applicant_name AS "applicantName", organisation_name AS "organisationName", status, received_at AS "receivedAt",
               due_at AS "dueAt", legal_due_at AS "legalDueAt", finished_at AS "finishedAt", returned_at AS "returnedAt", extension_count AS "extensionCount",
               is_demo AS "isDemo", forwarded_at AS "forwardedAt", agency_code <> ${agencyCode} AS "receivedForAnother"
          FROM ((SELECT * FROM dossier WHERE agency_code = ${agencyCode} AND ${page})
                UNION ALL
                (SELECT * FROM dossier WHERE receiving_agency_code = ${agencyCode} AND agency_code <> ${agencyCode} AND ${page})) AS d
         ORDER BY received_at, id
         LIMIT ${limit}`;
  }

  /** When each of the dossiers first logged each of the actions (per dossier and action). */
  firstLogged(dossierIds: string[], actions: string[]) {
    return this.db.dossierActionLog.groupBy({
      by: ['dossierId', 'action'],
      where: { dossierId: { in: dossierIds }, action: { in: actions } },
      _min: { occurredAt: true },
    });
  }
}
