import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import type { SqlTransaction } from '@motcua/messaging';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';

export type ProcedureLookup =
  | { found: 'in_force'; version: ProcedureVersion }
  | { found: 'not_in_force' }
  | { found: 'unknown' };

/** Queries on the local copy of the catalog (intake never calls the catalog). */
@Injectable()
export class ProcedureCopyRepository {
  constructor(private readonly db: DossiersDatabase) {}

  /** One stored version (the one a dossier was received under). */
  version(code: string, version: number) {
    return this.db.procedureCopy.findUnique({ where: { code_version: { code, version } } });
  }

  /** The records of several stored versions (those found; order not guaranteed). */
  versions(keys: Array<{ code: string; version: number }>) {
    return this.db.procedureCopy.findMany({
      where: { OR: keys },
      select: { code: true, version: true, record: true },
    });
  }

  /** The version in force on a local date: effectiveFrom ≤ date < effectiveTo (one statement, plain SQL: intake's hot path). */
  async inForceOn(db: SqlTransaction, code: string, localDate: string): Promise<ProcedureLookup> {
    const [row] = await db.$queryRawUnsafe<{ record: ProcedureVersion | null; known: boolean }[]>(
      `SELECT (SELECT record FROM procedure_copy
                WHERE code = $1 AND effective_from <= $2::date AND (effective_to IS NULL OR effective_to > $2::date)
                ORDER BY version DESC LIMIT 1) AS record,
              EXISTS (SELECT 1 FROM procedure_copy WHERE code = $1) AS known`,
      code,
      localDate,
    );
    if (row.record) return { found: 'in_force', version: row.record };
    return row.known ? { found: 'not_in_force' } : { found: 'unknown' };
  }

  /** Stores a published or amended version; the older versions still in force end where it begins. */
  async storeVersion(tx: DossiersTx, version: ProcedureVersion): Promise<void> {
    const effectiveFrom = new Date(version.decision.effectiveFrom);
    await tx.procedureCopy.updateMany({
      where: { code: version.code, effectiveTo: null, version: { lt: version.version } },
      data: { effectiveTo: effectiveFrom },
    });
    await tx.procedureCopy.upsert({
      where: { code_version: { code: version.code, version: version.version } },
      create: {
        code: version.code,
        version: version.version,
        record: version,
        effectiveFrom,
      },
      update: { record: version, effectiveFrom },
    });
  }

  /** An abolished procedure: the version in force ends on the abolition's effective date. */
  async abolish(tx: DossiersTx, code: string, effectiveFrom: string): Promise<void> {
    await tx.procedureCopy.updateMany({
      where: { code, effectiveTo: null },
      data: { effectiveTo: new Date(effectiveFrom) },
    });
  }
}
