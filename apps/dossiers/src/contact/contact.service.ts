import { Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@motcua/auth';
import { dossierContactRecorded } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { factsOf } from '../dossier/dossier-events';
import type { DossierStatus } from '../dossier/dossier-status';
import { DossierRepository } from '../dossier/dossier.repository';
import { DossierScope } from '../scope/dossier-scope';
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
    private readonly dossiers: DossierRepository,
    private readonly scope: DossierScope,
  ) {}

  async record(dossierId: string, body: ContactBody, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      // Out of the caller's scope (another agency): the same 404 as none.
      const dossier = await this.scope.visible(
        principal,
        dossierId,
        await this.dossiers.lockForUpdate(tx, dossierId),
      );
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
      await this.dossiers.appendLog(tx, {
        dossierId,
        action: RECORD_CONTACT_ACTION,
        fromStatus: dossier.status,
        toStatus: dossier.status,
        portalStatus: dossier.portalStatus,
        actorSubject: principal.subject,
        actorRoles: principal.roles,
        actorUnit: principal.unit ?? null,
        details: { ...body, contactedAt },
        eventId: event.id,
        occurredAt: now,
      });
      return { dossierId, ...body, contactedAt, eventId: event.id };
    });
  }
}
