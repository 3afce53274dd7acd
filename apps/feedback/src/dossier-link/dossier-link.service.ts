import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@motcua/auth';
import { feedbackLinked } from '@motcua/contracts';
import { ruleProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import type { FeedbackTx } from '../feedback.database';
import type { FeedbackStatus } from '../feedback/feedback-status';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { FeedbackScope } from '../scope/feedback-scope';
import { DossierLinkRepository } from './dossier-link.repository';
import { dossierLinkViolations } from './dossier-link.rules';
import type { DossierLinkBody } from './dossier-link.schemas';

/** The action-log name of a link (again on each change of its verification). */
export const LINK_DOSSIER_ACTION = 'link-dossier';

/** Links a feedback item to a dossier and publishes `motcua.feedback.linked` through the outbox, in one transaction. */
@Injectable()
export class DossierLinkService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly feedback: FeedbackRepository,
    private readonly links: DossierLinkRepository,
    private readonly scope: FeedbackScope,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  link(id: string, body: DossierLinkBody, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      // Outside the caller's scope: the same 404 as an item that does not exist.
      const item = await this.scope.visible(
        principal,
        await this.feedback.lockForUpdate(tx, id),
        id,
      );
      const [dossier, repeat] = await Promise.all([
        this.links.findDossier(tx, body.dossierCode),
        body.repeatOf ? this.feedback.findById(tx, body.repeatOf) : null,
      ]);
      const violations = dossierLinkViolations({
        feedbackId: id,
        status: item.status as FeedbackStatus,
        dossierKnown: dossier !== null,
        conduct: body.conduct,
        verification: body.verification,
        repeatOf: body.repeatOf,
        repeatKnown: repeat !== null,
      });
      if (violations.length > 0 || !dossier)
        throw ruleProblem(
          'dossier-link',
          'The feedback cannot be linked to this dossier',
          violations,
        );
      const now = new Date();
      const event = events.publish(feedbackLinked, {
        feedbackId: item.id,
        feedbackCode: item.code,
        agencyCode: item.agencyCode,
        occurredAt: now.toISOString(),
        dossierId: dossier.dossierId,
        dossierCode: dossier.dossierCode,
        conduct: body.conduct,
        verification: body.verification,
        ...(body.repeatOf ? { repeatOf: body.repeatOf } : {}),
      });
      const link = {
        dossierId: dossier.dossierId,
        dossierCode: dossier.dossierCode,
        conduct: body.conduct,
        verification: body.verification,
        repeatOf: body.repeatOf ?? null,
        reason: body.reason ?? null,
        linkedBy: principal.subject,
        linkedAt: now,
      };
      await this.links.storeLink(tx, id, link);
      await this.feedback.appendLog(tx, {
        feedbackId: id,
        action: LINK_DOSSIER_ACTION,
        fromStatus: item.status as FeedbackStatus,
        toStatus: item.status as FeedbackStatus,
        actorSubject: principal.subject,
        actorUnit: actorOf(principal, this.config.FEEDBACK_INTAKE_UNIT).unitCode,
        details: { ...body, dossierId: dossier.dossierId, eventId: event.id },
        occurredAt: now,
      });
      return {
        feedbackId: id,
        ...body,
        dossierId: dossier.dossierId,
        linkedAt: now.toISOString(),
        eventId: event.id,
      };
    });
  }
}
