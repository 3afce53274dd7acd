import { Injectable } from '@nestjs/common';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';
import type { Prisma } from '../generated/prisma/client';

type Db = DigitizationTx | DigitizationDatabase;

/** Queries on the documents of a dossier replaced by reuse, and those digitized for it. */
@Injectable()
export class DocumentReuseRepository {
  /** The document codes of a dossier already reused or digitized. */
  async doneCodes(db: Db, dossierId: string): Promise<Set<string>> {
    const [reused, digitized] = await Promise.all([
      db.documentReuse.findMany({ where: { dossierId }, select: { documentCode: true } }),
      db.digitizedDocument.findMany({ where: { dossierId }, select: { documentCode: true } }),
    ]);
    return new Set([...reused, ...digitized].map((row) => row.documentCode));
  }

  find(db: Db, dossierId: string, documentCode: string) {
    return db.documentReuse.findUnique({
      where: { dossierId_documentCode: { dossierId, documentCode } },
    });
  }

  create(db: Db, data: Prisma.DocumentReuseUncheckedCreateInput) {
    return db.documentReuse.create({ data });
  }
}
