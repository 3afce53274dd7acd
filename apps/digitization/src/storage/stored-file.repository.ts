import { Injectable } from '@nestjs/common';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';
import type { Prisma } from '../generated/prisma/client';

type Db = DigitizationTx | DigitizationDatabase;

/** Queries on the stored files (one row per content, by SHA-256). */
@Injectable()
export class StoredFileRepository {
  find(db: Db, sha256: string) {
    return db.storedFile.findUnique({ where: { sha256 } });
  }

  /** Records a stored file; a file stored again only gets its verified signatures. */
  async store(
    db: Db,
    file: Prisma.StoredFileCreateInput & { signatures?: Prisma.InputJsonValue },
  ): Promise<void> {
    await db.storedFile.upsert({
      where: { sha256: file.sha256 },
      create: file,
      update: file.signatures ? { signatures: file.signatures } : {},
    });
  }
}
