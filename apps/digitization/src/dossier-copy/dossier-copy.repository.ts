import { Injectable } from '@nestjs/common';
import type { DossierDocument, DossierFacts } from '@motcua/contracts';
import type {
  DigitizationDatabase,
  DigitizationEventTx,
  DigitizationTx,
} from '../digitization.database';

type Db = DigitizationTx | DigitizationDatabase;

/** What a dossier event changes in the copy besides its facts. */
export type DossierCopyChange = {
  documents?: DossierDocument[];
  units?: string[];
  processed?: { electronicResult: boolean };
};

/** The service's copy of what the dossier events said (no personal data: applicantKey only). */
@Injectable()
export class DossierCopyRepository {
  /**
   * Writes what a run of dossier events said, in order: one upsert statement per stretch of events with
   * distinct dossiers (a statement may change a row once), rows taken from one JSON parameter (every
   * dossier event passes here, so no model queries). Handling units accumulate in first-seen order;
   * received and processed facts are kept until an event states them again.
   */
  async applyMany(
    tx: DigitizationEventTx,
    updates: { facts: DossierFacts; change: DossierCopyChange }[],
  ): Promise<void> {
    let stretch: object[] = [];
    let seen = new Set<string>();
    for (const { facts, change } of updates) {
      if (seen.has(facts.dossierId)) {
        await this.upsert(tx, stretch);
        stretch = [];
        seen = new Set();
      }
      seen.add(facts.dossierId);
      stretch.push({
        n: stretch.length,
        dossier_id: facts.dossierId,
        dossier_code: facts.dossierCode,
        agency_code: facts.agencyCode,
        procedure_code: facts.procedureCode,
        applicant_key: facts.applicantKey,
        portal_status: facts.portalStatus,
        received_at: facts.receivedAt ?? null,
        processed_at: change.processed ? facts.occurredAt : null,
        electronic_result: change.processed ? change.processed.electronicResult : null,
        documents: change.documents ?? null,
        units: change.units ?? [],
        updated_at: facts.occurredAt,
      });
    }
    await this.upsert(tx, stretch);
  }

  private async upsert(tx: DigitizationEventTx, rows: object[]): Promise<void> {
    if (rows.length === 0) return;
    // EXCLUDED holds only table columns: whether an event stated documents is read back from `given`.
    await tx.$executeRawUnsafe(
      `WITH given AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(n int, dossier_id uuid, dossier_code text, agency_code text,
           procedure_code text, applicant_key text, portal_status int, received_at timestamptz, processed_at timestamptz,
           electronic_result boolean, documents jsonb, units jsonb, updated_at timestamptz))
       INSERT INTO dossier_copy AS c (dossier_id, dossier_code, agency_code, procedure_code, applicant_key, portal_status,
         received_at, processed_at, electronic_result, documents, handling_units, updated_at)
       SELECT r.dossier_id, r.dossier_code, r.agency_code, r.procedure_code, r.applicant_key, r.portal_status,
         r.received_at, r.processed_at, r.electronic_result, COALESCE(r.documents, '[]'::jsonb),
         ARRAY(SELECT u FROM jsonb_array_elements_text(r.units) WITH ORDINALITY AS listed(u, n) GROUP BY u ORDER BY min(n)),
         r.updated_at
       FROM given r ORDER BY r.n
       ON CONFLICT (dossier_id) DO UPDATE SET
         dossier_code = EXCLUDED.dossier_code, agency_code = EXCLUDED.agency_code, procedure_code = EXCLUDED.procedure_code,
         applicant_key = EXCLUDED.applicant_key, portal_status = EXCLUDED.portal_status,
         received_at = COALESCE(EXCLUDED.received_at, c.received_at),
         processed_at = COALESCE(EXCLUDED.processed_at, c.processed_at),
         electronic_result = CASE WHEN EXCLUDED.processed_at IS NULL THEN c.electronic_result ELSE EXCLUDED.electronic_result END,
         documents = COALESCE((SELECT g.documents FROM given g WHERE g.dossier_id = EXCLUDED.dossier_id), c.documents),
         handling_units = ARRAY(
           SELECT u FROM unnest(c.handling_units || EXCLUDED.handling_units) WITH ORDINALITY AS seen(u, n)
           GROUP BY u ORDER BY min(n)),
         updated_at = EXCLUDED.updated_at`,
      JSON.stringify(rows),
    );
  }

  find(db: Db, dossierId: string) {
    return db.dossierCopy.findUnique({ where: { dossierId } });
  }

  findByCode(db: Db, dossierCode: string) {
    return db.dossierCopy.findFirst({ where: { dossierCode } });
  }
}
