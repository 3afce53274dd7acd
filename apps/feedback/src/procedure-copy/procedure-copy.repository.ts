import { Injectable } from '@nestjs/common';
import type { ProcedureVersion } from '@motcua/contracts';
import type { FeedbackTx } from '../feedback.database';

/** Queries on the local copy of the catalog. */
@Injectable()
export class ProcedureCopyRepository {
  find(tx: Pick<FeedbackTx, 'procedureCopy'>, code: string) {
    return tx.procedureCopy.findUnique({ where: { code } });
  }

  /** Stores a version in force, unless the copy already holds this version or a newer one. */
  async store(tx: FeedbackTx, record: ProcedureVersion): Promise<void> {
    const existing = await this.find(tx, record.code);
    if (existing && existing.version >= record.version) return;
    const data = {
      version: record.version,
      name: record.name,
      domainCode: record.domainCode,
      status: 'in_force',
    };
    await tx.procedureCopy.upsert({
      where: { code: record.code },
      create: { code: record.code, ...data },
      update: data,
    });
  }

  /** Marks the procedure abolished from this version, unless the copy holds a newer one. */
  async abolish(tx: FeedbackTx, code: string, version: number): Promise<void> {
    await tx.procedureCopy.updateMany({
      where: { code, version: { lte: version } },
      data: { status: 'abolished', version },
    });
  }
}
