import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import type { TrackingBookDossier, TrackingBookMilestones } from './tracking-book.rows';
import { localYearBounds } from './local-year';
import { TrackingBookRepository } from './tracking-book.repository';

export type TrackingBookBatch = {
  dossiers: TrackingBookDossier[];
  procedures: Map<string, Pick<ProcedureVersion, 'name' | 'decidingAgency'>>;
  milestones: Map<string, TrackingBookMilestones>;
};

const BATCH = 1000;
/** Actions that hand the dossier from the desk to the processing unit, and the result back. */
const TRANSFER_ACTIONS = ['assign', 'complete-step'];
const PROCESSED_ACTION = 'mark-processed';

/**
 * The dossiers an agency received in a local year, in order of receipt, in keyset-paged batches
 * (indexes dossier(agency_code, received_at, id) and dossier(receiving_agency_code, received_at,
 * id)): memory stays one batch whatever the year holds. Its book holds the dossiers of its own
 * procedures and those its desk received for another agency and forwarded (a public
 * administration centre's desk, receipt at any desk: `receivedForAnother`).
 */
@Injectable()
export class TrackingBookReader {
  constructor(
    private readonly book: TrackingBookRepository,
    private readonly copies: ProcedureCopyRepository,
  ) {}

  async *batches(agencyCode: string, year: number): AsyncGenerator<TrackingBookBatch> {
    const bounds = localYearBounds(year);
    const procedures = new Map<string, Pick<ProcedureVersion, 'name' | 'decidingAgency'>>();
    let after: { receivedAt: Date; id: string } | undefined;
    for (;;) {
      const dossiers = await this.book.dossiers(agencyCode, bounds, after, BATCH);
      if (dossiers.length === 0) return;
      await this.loadProcedures(dossiers, procedures);
      yield { dossiers, procedures, milestones: await this.milestones(dossiers.map((d) => d.id)) };
      if (dossiers.length < BATCH) return;
      const last = dossiers[dossiers.length - 1];
      after = { receivedAt: last.receivedAt, id: last.id };
    }
  }

  /** Procedure names per code@version, cached for the whole export (a year has few distinct versions). */
  private async loadProcedures(
    dossiers: TrackingBookDossier[],
    cache: TrackingBookBatch['procedures'],
  ): Promise<void> {
    const wanted = new Map<string, { code: string; version: number }>();
    for (const d of dossiers) {
      const key = `${d.procedureCode}@${d.procedureVersion}`;
      if (!cache.has(key)) wanted.set(key, { code: d.procedureCode, version: d.procedureVersion });
    }
    if (wanted.size === 0) return;
    const copies = await this.copies.versions([...wanted.values()]);
    for (const copy of copies) {
      const record = copy.record as unknown as ProcedureVersion;
      cache.set(`${copy.code}@${copy.version}`, {
        name: record.name,
        decidingAgency: record.decidingAgency,
      });
    }
  }

  private async milestones(ids: string[]): Promise<Map<string, TrackingBookMilestones>> {
    const rows = await this.book.firstLogged(ids, [...TRANSFER_ACTIONS, PROCESSED_ACTION]);
    const result = new Map<string, TrackingBookMilestones>();
    for (const row of rows) {
      const at = row._min.occurredAt;
      if (!at) continue;
      const entry = result.get(row.dossierId) ?? {};
      if (row.action === PROCESSED_ACTION) entry.processedAt = at;
      else if (!entry.transferredAt || at < entry.transferredAt) entry.transferredAt = at;
      result.set(row.dossierId, entry);
    }
    return result;
  }
}
