import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import { PORTAL_STATUS, type PortalStatusCode } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { DossierRepository } from '../dossier/dossier.repository';
import { DossiersDatabase } from '../dossiers.database';
import { hashSecret, sameHash } from '../dossier/lookup-secret';

const notFound = () =>
  new DomainProblem(
    404,
    'dossier-not-found',
    'Dossier not found',
    'No dossier matches this code and lookup secret.',
  );

/** Tra cứu hồ sơ: status history and dates only; no personal data, no officer identity. */
@Injectable()
export class PublicLookupService {
  constructor(
    private readonly db: DossiersDatabase,
    private readonly dossiers: DossierRepository,
  ) {}

  async lookup(code: string, secret: string) {
    const dossier = await this.dossiers.findWithSteps(this.db, { code });
    if (!dossier || !sameHash(dossier.lookupSecretHash, hashSecret(secret))) throw notFound();
    const history = await this.dossiers.history(this.db, dossier.id);
    const label = (status: number) => PORTAL_STATUS[status as PortalStatusCode];
    return {
      code: dossier.code,
      procedureCode: dossier.procedureCode,
      portalStatus: dossier.portalStatus,
      statusLabel: label(dossier.portalStatus),
      receivedAt: dossier.receivedAt.toISOString(),
      // What the applicant is told: the promised date after an apology (form 04), not the legal due date.
      appointmentDate: dossier.dueAt ? toLocalDate(dossier.dueAt) : null,
      returnedAt: dossier.returnedAt?.toISOString() ?? null,
      history: history.map((h) => ({
        action: h.action,
        portalStatus: h.portalStatus,
        statusLabel: label(h.portalStatus),
        at: h.occurredAt.toISOString(),
      })),
    };
  }
}
