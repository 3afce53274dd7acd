import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { dossierReceived, type CloudEvent, type EventData } from '@motcua/contracts';
import type { InboxContext } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';

/**
 * Keeps the codes of received dossiers (dossier_ref) so that an officer can link a feedback item to
 * a dossier by its code without calling the dossiers service. Only the code, id, agency and date
 * are kept: nothing of the applicant.
 */
@Controller()
export class DossierRefHandlers {
  @EventPattern(dossierReceived.type)
  async onReceived(
    @Payload() event: CloudEvent<EventData<typeof dossierReceived>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    const d = event.data;
    const data = {
      dossierId: d.dossierId,
      agencyCode: d.agencyCode,
      receivedAt: new Date(d.receivedAt ?? d.occurredAt),
    };
    await ctx.transaction.dossierRef.upsert({
      where: { dossierCode: d.dossierCode },
      create: { dossierCode: d.dossierCode, ...data },
      update: data,
    });
  }
}
