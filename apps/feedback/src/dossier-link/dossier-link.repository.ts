import { Injectable } from '@nestjs/common';
import type { FeedbackTx } from '../feedback.database';
import type { FeedbackDossierLink } from '../generated/prisma/client';

/** A link of a feedback item to a dossier, as stored. */
export type DossierLinkRow = Omit<FeedbackDossierLink, 'feedbackId'>;

/** Queries on the codes of received dossiers (dossier_ref) and the links of feedback items to them. */
@Injectable()
export class DossierLinkRepository {
  findDossier(tx: FeedbackTx, dossierCode: string) {
    return tx.dossierRef.findUnique({ where: { dossierCode } });
  }

  /** Stores (or refreshes) a received dossier's code, id, agency and date. */
  async storeDossier(
    tx: FeedbackTx,
    dossier: { dossierCode: string; dossierId: string; agencyCode: string; receivedAt: Date },
  ): Promise<void> {
    const { dossierCode, ...data } = dossier;
    await tx.dossierRef.upsert({
      where: { dossierCode },
      create: { dossierCode, ...data },
      update: data,
    });
  }

  /** Links the item, replacing its earlier link. */
  async storeLink(tx: FeedbackTx, feedbackId: string, link: DossierLinkRow): Promise<void> {
    await tx.feedbackDossierLink.upsert({
      where: { feedbackId },
      create: { feedbackId, ...link },
      update: link,
    });
  }
}
