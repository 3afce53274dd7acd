import { Injectable } from '@nestjs/common';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';
import type { Prisma } from '../generated/prisma/client';

type Db = DigitizationTx | DigitizationDatabase;

/** Queries on digitized documents, each with its stored file. */
@Injectable()
export class DocumentRepository {
  /** The same file already digitized for this document of this dossier. */
  findSame(db: Db, key: { dossierId: string; documentCode: string; fileSha256: string }) {
    return db.digitizedDocument.findUnique({
      where: { dossierId_documentCode_fileSha256: key },
      include: { file: true },
    });
  }

  create(db: Db, data: Prisma.DigitizedDocumentUncheckedCreateInput) {
    return db.digitizedDocument.create({ data, include: { file: true } });
  }

  /** A dossier's documents, oldest first. */
  listOfDossier(db: Db, dossierId: string) {
    return db.digitizedDocument.findMany({
      where: { dossierId },
      include: { file: true },
      orderBy: { digitizedAt: 'asc' },
    });
  }

  find(db: Db, id: string) {
    return db.digitizedDocument.findUnique({ where: { id }, include: { file: true } });
  }
}
