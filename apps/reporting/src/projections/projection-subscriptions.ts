import { Injectable } from '@nestjs/common';
import { INTERNAL_EVENTS, type CloudEvent, type DossierFacts } from '@motcua/contracts';
import type { Subscription } from '@motcua/messaging';
import type { ReportingTx } from '../reporting.database';
import { CatalogProjector } from './catalog.projector';
import { DigitizationProjector } from './digitization.projector';
import { DossierProjector } from './dossier.projector';
import { FeedbackProjector } from './feedback.projector';

/** Channel of PostgreSQL NOTIFY: delivered only when the projection's transaction commits. */
export const CHANGE_CHANNEL = 'reporting_changed';

export type ChangeNotice = { instance: string; generation: number; type: string; agencyCode?: string; domainCode?: string };

type Data = Record<string, unknown>;

/** The subscriptions of one generation's consumer group: every internal event, each to its projector. */
@Injectable()
export class ProjectionSubscriptions {
  constructor(
    private readonly dossiers: DossierProjector,
    private readonly feedback: FeedbackProjector,
    private readonly digitization: DigitizationProjector,
    private readonly catalog: CatalogProjector,
  ) {}

  forGeneration(generation: number, notify: () => string | undefined): Subscription<ReportingTx>[] {
    return INTERNAL_EVENTS.map((contract) => ({
      contract,
      handler: async (event: CloudEvent<Data>, tx: ReportingTx) => {
        await this.project(generation, event, tx);
        const instance = notify();
        if (instance) await this.notifyOnCommit(tx, { instance, generation, type: event.type, agencyCode: event.data.agencyCode as string | undefined, domainCode: event.data.domainCode as string | undefined });
      },
    }));
  }

  async project(generation: number, event: CloudEvent<Data>, tx: ReportingTx): Promise<void> {
    const contract = INTERNAL_EVENTS.find((c) => c.type === event.type);
    switch (contract?.topic) {
      case 'dossiers.dossier.v1':
        return this.dossiers.apply(generation, event as CloudEvent<DossierFacts & Data>, tx);
      case 'feedback.feedback.v1':
        return this.feedback.apply(generation, event as never, tx);
      case 'digitization.document.v1':
        return this.digitization.apply(generation, event as never, tx);
      case 'catalog.procedure.v1':
      case 'catalog.review.v1':
        return this.catalog.apply(generation, event, tx);
      default:
        return;
    }
  }

  private async notifyOnCommit(tx: ReportingTx, notice: ChangeNotice): Promise<void> {
    await tx.$queryRawUnsafe(`SELECT pg_notify($1, $2)::text AS notified`, CHANGE_CHANNEL, JSON.stringify(notice));
  }
}
