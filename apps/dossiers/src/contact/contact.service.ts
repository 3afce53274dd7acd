import { Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@motcua/auth';
import { dossierContactRecorded } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { factsOf } from '../dossier/dossier-events';
import type { DossierStatus } from '../dossier/dossier-status';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import type { DossiersTx } from '../dossiers.database';
import { contactViolation } from './contact.rules';
import type { ContactBody } from './contact.schemas';

/** The action-log name of a recorded contact (several per dossier). */
export const RECORD_CONTACT_ACTION = 'record-contact';

/** Records a contact the applicant had to make and publishes `motcua.dossier.contact-recorded` in the same transaction. */
@Injectable()
export class DossierContactService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly dossiers: ScopedDossiers,
  ) {}

  async record(dossierId: string, body: ContactBody, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      const dossier = await this.dossiers.lockVisible(tx, principal, dossierId);
      const now = new Date();
      const violation = contactViolation(
        {
          status: dossier.status as DossierStatus,
          receivedAt: dossier.receivedAt,
          contactedAt: body.contactedAt,
          now,
        },
        principal,
      );
      if (violation) {
        throw new DomainProblem(
          violation.status,
          violation.type,
          violation.title,
          violation.message,
          {
            errors: [{ field: violation.field, rule: violation.rule, message: violation.message }],
          },
        );
      }
      const contactedAt = body.contactedAt ?? now.toISOString();
      const recordedBy = actorOf(principal, 'VP.MC');
      const event = events.publish(dossierContactRecorded, {
        ...factsOf(dossier, now),
        body: body.body,
        bodyName: body.bodyName,
        legallyRequired: body.legallyRequired,
        contactedAt,
        recordedBy,
      });
      await this.dossiers.logAction(tx, principal, dossier, {
        action: RECORD_CONTACT_ACTION,
        fromStatus: dossier.status,
        details: { ...body, contactedAt },
        eventId: event.id,
        occurredAt: now,
      });
      return { dossierId, ...body, contactedAt, eventId: event.id };
    });
  }
}
