import { Injectable } from '@nestjs/common';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';
import { todayInVietnam } from '@motcua/calendar';
import { dateOnly } from '../shared/principal-actor';

type Db = DigitizationTx | DigitizationDatabase;

export type ReuseSourceKind = 'document' | 'result';

/** One stored item of the applicant that can stand in for a paper document. */
export type ReuseOffer = {
  kind: ReuseSourceKind;
  id: string;
  documentCode: string;
  fromDossierId: string;
  fromDossierCode: string;
  validUntil: string | null;
  /** Results only: number and issuing agency. */
  number?: string;
  issuingAgencyCode?: string;
};

/**
 * The applicant's document store (kho dữ liệu): digitized documents and results, keyed by
 * applicantKey. Only valid items are offered: not revoked and not past their validity date
 * (today in Vietnam); revocation (results) or expiry takes an item out without deleting anything.
 */
@Injectable()
export class ApplicantStoreRepository {
  async offers(
    db: Db,
    filter: { applicantKey: string; documentCodes?: string[]; excludeDossierId?: string },
    today = todayInVietnam(),
  ): Promise<ReuseOffer[]> {
    const validOn = dateOnly(today);
    const code = filter.documentCodes ? { in: filter.documentCodes } : undefined;
    const notThisDossier = filter.excludeDossierId ? { not: filter.excludeDossierId } : undefined;
    const validity = { OR: [{ validUntil: null }, { validUntil: { gte: validOn } }] };
    const [documents, results] = await Promise.all([
      db.digitizedDocument.findMany({
        where: {
          applicantKey: filter.applicantKey,
          documentCode: code,
          dossierId: notThisDossier,
          ...validity,
        },
        orderBy: { digitizedAt: 'desc' },
      }),
      db.digitizedResult.findMany({
        where: {
          applicantKey: filter.applicantKey,
          reuseCode: code,
          dossierId: notThisDossier,
          revokedOn: null,
          ...validity,
        },
        orderBy: { issuedOn: 'desc' },
      }),
    ]);
    const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
    return [
      ...results.map((r) => ({
        kind: 'result' as const,
        id: r.id,
        documentCode: r.reuseCode,
        fromDossierId: r.dossierId,
        fromDossierCode: r.dossierCode,
        validUntil: day(r.validUntil),
        number: r.number,
        issuingAgencyCode: r.issuingAgencyCode,
      })),
      ...documents.map((d) => ({
        kind: 'document' as const,
        id: d.id,
        documentCode: d.documentCode,
        fromDossierId: d.dossierId,
        fromDossierCode: d.dossierCode,
        validUntil: day(d.validUntil),
      })),
    ];
  }
}
