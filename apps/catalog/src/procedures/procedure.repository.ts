import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';

/** Reads of one procedure and its versions. */
@Injectable()
export class ProcedureRepository {
  constructor(private readonly db: CatalogDatabase) {}

  findByCode(code: string) {
    return this.db.procedure.findUnique({ where: { code } });
  }

  findVersion(procedureId: string, version: number) {
    return this.db.procedureVersion.findUnique({
      where: { procedureId_version: { procedureId, version } },
    });
  }

  /** The latest version whose effective date is on or before `date` (YYYY-MM-DD). */
  latestEffectiveOn(procedureId: string, date: string) {
    return this.db.procedureVersion.findFirst({
      where: { procedureId, effectiveFrom: { lte: new Date(date) } },
      orderBy: { version: 'desc' },
    });
  }

  /** The procedure with every version, oldest first. */
  withHistory(code: string) {
    return this.db.procedure.findUnique({
      where: { code },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
  }
}
