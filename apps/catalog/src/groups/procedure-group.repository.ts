import { Injectable } from '@nestjs/common';
import type { ProcedureGroupVersion } from '@motcua/contracts';
import { CatalogDatabase } from '../catalog.database';
import type { CatalogTx } from '../shared/catalog-tx';

/** A procedure a group would list, as the catalog knows it. */
export type MemberFacts = { code: string; first_effective: string; abolished: boolean };

/** Queries on groups of procedures (nhóm TTHC liên thông) and their versions. */
@Injectable()
export class ProcedureGroupRepository {
  constructor(private readonly db: CatalogDatabase) {}

  /** The group with its latest version (in force or scheduled). */
  findWithLatest(tx: CatalogTx, code: string) {
    return tx.procedureGroup.findUnique({
      where: { code },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
  }

  async create(tx: CatalogTx, group: { id: string; code: string; isDemo: boolean }) {
    await tx.procedureGroup.create({ data: group });
  }

  async createVersion(
    tx: CatalogTx,
    decisionId: string,
    record: ProcedureGroupVersion,
    effectiveFrom: string,
  ): Promise<void> {
    await tx.procedureGroupVersion.create({
      data: {
        groupId: record.groupId,
        version: record.version,
        record,
        decisionId,
        effectiveFrom: new Date(effectiveFrom),
      },
    });
  }

  /** For each code known to the catalog: its first effective date and whether it is abolished. */
  membersOf(tx: CatalogTx, codes: string[]): Promise<MemberFacts[]> {
    return tx.$queryRawUnsafe<MemberFacts[]>(
      `SELECT p.code, to_char(min(v.effective_from), 'YYYY-MM-DD') AS first_effective, bool_or(v.effect = 'abolish') AS abolished
       FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id
       WHERE p.code = ANY($1::text[]) GROUP BY p.code`,
      codes,
    );
  }

  /** Groups in force, by code. */
  listInForce() {
    return this.db.procedureGroup.findMany({
      where: { status: 'in_force' },
      orderBy: { code: 'asc' },
    });
  }

  findByCode(code: string) {
    return this.db.procedureGroup.findUnique({ where: { code } });
  }

  findVersion(groupId: string, version: number) {
    return this.db.procedureGroupVersion.findUnique({
      where: { groupId_version: { groupId, version } },
    });
  }
}
