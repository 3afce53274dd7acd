import { Injectable } from '@nestjs/common';
import { dossierReceived, type CloudEvent, type EventData } from '@motcua/contracts';
import { OnEvent } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';

/**
 * Keeps the codes of received dossiers (dossier_ref) so that an officer can link a feedback item to
 * a dossier by its code without calling the dossiers service. Only the code, id, agency and date
 * are kept: nothing of the applicant.
 */
@Injectable()
export class DossierRefHandlers {
  @OnEvent(dossierReceived)
  async onReceived(
    event: CloudEvent<EventData<typeof dossierReceived>>,
    tx: FeedbackTx,
  ): Promise<void> {
    const d = event.data;
    const data = {
      dossierId: d.dossierId,
      agencyCode: d.agencyCode,
      receivedAt: new Date(d.receivedAt ?? d.occurredAt),
    };
    await tx.dossierRef.upsert({
      where: { dossierCode: d.dossierCode },
      create: { dossierCode: d.dossierCode, ...data },
      update: data,
    });
  }
}
