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
  async apply(tx: DigitizationTx, facts: DossierFacts, change: DossierCopyChange): Promise<void> {
    const existing = await tx.dossierCopy.findUnique({ where: { dossierId: facts.dossierId } });
    const units = [...new Set([...(existing?.handlingUnits ?? []), ...(change.units ?? [])])];
    const data = {
      dossierCode: facts.dossierCode,
      agencyCode: facts.agencyCode,
      procedureCode: facts.procedureCode,
      applicantKey: facts.applicantKey,
      portalStatus: facts.portalStatus,
      receivedAt: facts.receivedAt ? new Date(facts.receivedAt) : (existing?.receivedAt ?? null),
      processedAt: change.processed ? new Date(facts.occurredAt) : (existing?.processedAt ?? null),
      electronicResult: change.processed ? change.processed.electronicResult : (existing?.electronicResult ?? null),
      documents: change.documents ?? (existing?.documents as DossierDocument[] | undefined) ?? [],
      handlingUnits: units,
      updatedAt: new Date(facts.occurredAt),
    };
    await tx.dossierCopy.upsert({ where: { dossierId: facts.dossierId }, create: { dossierId: facts.dossierId, ...data }, update: data });
  }

  find(db: Db, dossierId: string) {
    return db.dossierCopy.findUnique({ where: { dossierId } });
  }

  findByCode(db: Db, dossierCode: string) {
    return db.dossierCopy.findFirst({ where: { dossierCode } });
  }
}
