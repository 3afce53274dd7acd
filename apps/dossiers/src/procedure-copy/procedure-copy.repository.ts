import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import type { DossiersTx } from '../dossiers.database';

export type ProcedureLookup =
  | { found: 'in_force'; version: ProcedureVersion }
  | { found: 'not_in_force' }
  | { found: 'unknown' };

/** Queries on the local copy of the catalog (intake never calls the catalog). */
@Injectable()
export class ProcedureCopyRepository {
  /** The version in force on a local date: effectiveFrom ≤ date < effectiveTo. */
  async inForceOn(tx: DossiersTx, code: string, localDate: string): Promise<ProcedureLookup> {
    const day = new Date(`${localDate}T00:00:00Z`);
    const version = await tx.procedureCopy.findFirst({
      where: { code, effectiveFrom: { lte: day }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: day } }] },
      orderBy: { version: 'desc' },
    });
    if (version) return { found: 'in_force', version: version.record as unknown as ProcedureVersion };
    const any = await tx.procedureCopy.count({ where: { code } });
    return any > 0 ? { found: 'not_in_force' } : { found: 'unknown' };
  }
}
