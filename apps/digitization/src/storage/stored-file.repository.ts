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

  /**
   * Records a stored file; a file stored again only gets its verified signatures. One statement,
   * so of many concurrent uploads of the same new content exactly one inserts the row: true for
   * that one (the row was new), false for the others.
   */
  async store(
    db: Db,
    file: Omit<Prisma.StoredFileCreateInput, 'signatures'> & { signatures?: Prisma.InputJsonValue },
  ): Promise<boolean> {
    const rows = await db.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO stored_file (sha256, media_type, size_bytes, pages, signed, signatures)
      VALUES (${file.sha256}, ${file.mediaType}, ${file.sizeBytes}, ${file.pages},
              ${file.signed ?? false}, ${file.signatures === undefined ? null : JSON.stringify(file.signatures)}::jsonb)
      ON CONFLICT (sha256) DO UPDATE
        SET signatures = COALESCE(EXCLUDED.signatures, stored_file.signatures)
      RETURNING (xmax = 0) AS inserted`;
    return rows[0].inserted;
  }
}
