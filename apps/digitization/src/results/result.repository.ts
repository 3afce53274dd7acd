import { Injectable } from '@nestjs/common';
import type { DigitizationDatabase, DigitizationTx } from '../digitization.database';
import type { Prisma } from '../generated/prisma/client';

type Db = DigitizationTx | DigitizationDatabase;

/** Queries on digitized results (kết quả giải quyết TTHC). */
@Injectable()
export class ResultRepository {
  /** The result an issuing agency recorded under this number. */
  findByNumber(db: Db, issuingAgencyCode: string, number: string) {
    return db.digitizedResult.findUnique({
      where: { issuingAgencyCode_number: { issuingAgencyCode, number } },
    });
  }

  create(db: Db, data: Prisma.DigitizedResultUncheckedCreateInput) {
    return db.digitizedResult.create({ data });
  }

  find(db: Db, id: string) {
    return db.digitizedResult.findUnique({ where: { id } });
  }

  findWithFile(db: Db, id: string) {
    return db.digitizedResult.findUnique({ where: { id }, include: { file: true } });
  }

  revoke(
    db: Db,
    id: string,
    revocation: { revokedOn: Date; revokeReason: string; revokeDecision: string | null },
  ) {
    return db.digitizedResult.update({ where: { id }, data: revocation });
  }

  /** A dossier's results, oldest first. */
  listOfDossier(db: Db, dossierId: string) {
    return db.digitizedResult.findMany({ where: { dossierId }, orderBy: { recordedAt: 'asc' } });
  }

  /** Every result of a dossier code, with its file (the applicant's download picks one by its secret). */
  withDossierCode(db: Db, dossierCode: string) {
    return db.digitizedResult.findMany({ where: { dossierCode }, include: { file: true } });
  }
}
