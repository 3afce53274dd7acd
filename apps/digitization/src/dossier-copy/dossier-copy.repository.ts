import { Injectable } from '@nestjs/common';
import type { DossierDocument, DossierFacts } from '@motcua/contracts';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';

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
   * One upsert statement (every dossier event passes here, so no model queries: Prisma's query
   * compiler costs more than the write). Handling units accumulate in first-seen order; received
   * and processed facts are kept until an event states them again.
   */
  async apply(tx: DigitizationTx, facts: DossierFacts, change: DossierCopyChange): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO dossier_copy (dossier_id, dossier_code, agency_code, procedure_code, applicant_key, portal_status,
         received_at, processed_at, electronic_result, documents, handling_units, updated_at)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9::boolean, COALESCE($10::jsonb, '[]'::jsonb),
         ARRAY(SELECT u FROM jsonb_array_elements_text($11::jsonb) WITH ORDINALITY AS given(u, n) GROUP BY u ORDER BY min(n)),
         $12::timestamptz)
       ON CONFLICT (dossier_id) DO UPDATE SET
         dossier_code = EXCLUDED.dossier_code, agency_code = EXCLUDED.agency_code, procedure_code = EXCLUDED.procedure_code,
         applicant_key = EXCLUDED.applicant_key, portal_status = EXCLUDED.portal_status,
         received_at = COALESCE(EXCLUDED.received_at, dossier_copy.received_at),
         processed_at = CASE WHEN $13::boolean THEN EXCLUDED.processed_at ELSE dossier_copy.processed_at END,
         electronic_result = CASE WHEN $13::boolean THEN EXCLUDED.electronic_result ELSE dossier_copy.electronic_result END,
         documents = COALESCE($10::jsonb, dossier_copy.documents),
         handling_units = ARRAY(
           SELECT u FROM unnest(dossier_copy.handling_units || EXCLUDED.handling_units) WITH ORDINALITY AS seen(u, n)
           GROUP BY u ORDER BY min(n)),
         updated_at = EXCLUDED.updated_at`,
      facts.dossierId,
      facts.dossierCode,
      facts.agencyCode,
      facts.procedureCode,
      facts.applicantKey,
      facts.portalStatus,
      facts.receivedAt ?? null,
      change.processed ? facts.occurredAt : null,
      change.processed ? change.processed.electronicResult : null,
      change.documents ? JSON.stringify(change.documents) : null,
      JSON.stringify(change.units ?? []),
      facts.occurredAt,
      change.processed !== undefined,
    );
  }

  find(db: Db, dossierId: string) {
    return db.dossierCopy.findUnique({ where: { dossierId } });
  }

  findByCode(db: Db, dossierCode: string) {
    return db.dossierCopy.findFirst({ where: { dossierCode } });
  }
}
