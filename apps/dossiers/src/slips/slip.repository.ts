import { Injectable } from '@nestjs/common';
import { DossiersDatabase } from '../dossiers.database';

/** What a dossier's slips are printed from: the dossier, its steps and the action-log entries they quote. */
@Injectable()
export class SlipRepository {
  constructor(private readonly db: DossiersDatabase) {}

  /** The dossier with the units of its steps (what the scope check needs). */
  dossier(id: string) {
    return this.db.dossier.findUnique({
      where: { id },
      include: { steps: { select: { unitCode: true } } },
    });
  }

  /** The latest stop at the applicant's request. */
  lastStop(dossierId: string) {
    return this.db.dossierActionLog.findFirst({
      where: { dossierId, action: 'stop-at-request' },
      orderBy: { id: 'desc' },
    });
  }

  /** The first extension (the one the receipt's date moved by). */
  firstExtension(dossierId: string) {
    return this.db.dossierActionLog.findFirst({
      where: { dossierId, action: 'extend' },
      orderBy: { id: 'asc' },
    });
  }

  /** The dossier's steps in order. */
  steps(dossierId: string) {
    return this.db.dossierStep.findMany({ where: { dossierId }, orderBy: { order: 'asc' } });
  }
}
