import { Injectable } from '@nestjs/common';
import type { DossierDocument } from '@motcua/contracts';
import { DigitizationDatabase } from '../digitization.database';
import type { ProcessedDossier, ReceivedDossier } from './rate-calculator';

const group = <T extends { dossierId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.dossierId, [...(map.get(row.dossierId) ?? []), row]);
  return map;
};

/** Reads what the rates are computed from: the dossier copy (events) and this service's records. */
@Injectable()
export class RatesRepository {
  constructor(private readonly db: DigitizationDatabase) {}

  async received(agencyCode: string, from: Date, until: Date): Promise<ReceivedDossier[]> {
    const dossiers = await this.db.dossierCopy.findMany({
      where: { agencyCode, receivedAt: { gte: from, lt: until } },
      select: { dossierId: true, documents: true },
    });
    const ids = dossiers.map((dossier) => dossier.dossierId);
    const [documents, reuses] = await Promise.all([
      this.db.digitizedDocument.findMany({
        where: { dossierId: { in: ids } },
        select: { dossierId: true, documentCode: true },
      }),
      this.db.documentReuse.findMany({
        where: { dossierId: { in: ids } },
        select: { dossierId: true, documentCode: true },
      }),
    ]);
    const digitizedBy = group(documents);
    const reusedBy = group(reuses);
    return dossiers.map((dossier) => ({
      slots: dossier.documents as DossierDocument[],
      digitizedCodes: (digitizedBy.get(dossier.dossierId) ?? []).map((row) => row.documentCode),
      reusedCodes: (reusedBy.get(dossier.dossierId) ?? []).map((row) => row.documentCode),
    }));
  }

  async processed(
    agencyCode: string,
    from: Date,
    until: Date,
    today: Date,
  ): Promise<ProcessedDossier[]> {
    const dossiers = await this.db.dossierCopy.findMany({
      where: { agencyCode, processedAt: { gte: from, lt: until } },
      select: { dossierId: true },
    });
    const results = await this.db.digitizedResult.findMany({
      where: { dossierId: { in: dossiers.map((dossier) => dossier.dossierId) } },
      select: { dossierId: true, fileSha256: true, revokedOn: true, validUntil: true },
    });
    const byDossier = group(results);
    return dossiers.map((dossier) => {
      const rows = byDossier.get(dossier.dossierId) ?? [];
      if (rows.length === 0) return {};
      const valid = rows.filter(
        (row) => row.revokedOn === null && (row.validUntil === null || row.validUntil >= today),
      );
      return {
        result: {
          valid: valid.length > 0,
          digitized: valid.some((row) => row.fileSha256 !== null),
        },
      };
    });
  }
}
