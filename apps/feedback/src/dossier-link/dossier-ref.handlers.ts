import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { dossierReceived, type CloudEvent, type EventData } from '@motcua/contracts';
import type { InboxContext } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import { DossierLinkRepository } from './dossier-link.repository';

/**
 * Keeps the codes of received dossiers (dossier_ref) so that an officer can link a feedback item to
 * a dossier by its code without calling the dossiers service. Only the code, id, agency and date
 * are kept: nothing of the applicant.
 */
@Controller()
export class DossierRefHandlers {
  constructor(private readonly links: DossierLinkRepository) {}

  @EventPattern(dossierReceived.type)
  async onReceived(
    @Payload() event: CloudEvent<EventData<typeof dossierReceived>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    const d = event.data;
    await this.links.storeDossier(ctx.transaction, {
      dossierCode: d.dossierCode,
      dossierId: d.dossierId,
      agencyCode: d.agencyCode,
      receivedAt: new Date(d.receivedAt ?? d.occurredAt),
    });
  }
}
