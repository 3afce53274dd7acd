import { Injectable } from '@nestjs/common';
import { storeAgencyTree } from '@motcua/auth';
import { CONSUMERS, type AgencyNode, type CloudEvent, type DossierFacts } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { notifyOnCommit, type ChangeNotice } from './change-notice.repository';
import { CatalogProjector } from './catalog.projector';
import { DigitizationProjector } from './digitization.projector';
import { DossierProjector } from './dossier.projector';
import { FeedbackProjector } from './feedback.projector';
import { PortalAckProjector } from './portal-ack.projector';

type Data = Record<string, unknown>;

/** What one generation's consumer group does with every internal event and the portal's acknowledgements: each to its projector. */
@Injectable()
export class ProjectionSubscriptions {
  constructor(
    private readonly dossiers: DossierProjector,
    private readonly feedback: FeedbackProjector,
    private readonly digitization: DigitizationProjector,
    private readonly catalog: CatalogProjector,
    private readonly portalAcks: PortalAckProjector,
  ) {}

  /**
   * A run of consecutive events of one generation's group, in its chunk transaction: projected,
   * then, when `notifyAs` names this instance (the active generation), announced on commit.
   */
  async applyRun(
    generation: number,
    events: CloudEvent<Data>[],
    tx: ReportingTx,
    notifyAs: string | undefined,
  ): Promise<void> {
    await this.project(generation, events, tx);
    if (notifyAs)
      await notifyOnCommit(
        tx,
        events.map((event) => noticeOf(notifyAs, generation, event)),
      );
  }

  /** Events in order: consecutive dossier events as one batch, the others one by one. */
  async project(generation: number, events: CloudEvent<Data>[], tx: ReportingTx): Promise<void> {
    let dossierRun: CloudEvent<DossierFacts & Data>[] = [];
    const flush = async () => {
      if (dossierRun.length > 0) await this.dossiers.applyMany(generation, dossierRun, tx);
      dossierRun = [];
    };
    for (const event of events) {
      const topic = TOPIC_OF_TYPE.get(event.type);
      if (topic === 'dossiers.dossier.v1') {
        dossierRun.push(event as CloudEvent<DossierFacts & Data>);
        continue;
      }
      await flush();
      if (topic === 'feedback.feedback.v1')
        await this.feedback.apply(generation, event as never, tx);
      else if (topic === 'digitization.document.v1')
        await this.digitization.apply(generation, event as never, tx);
      else if (topic === 'catalog.procedure.v1' || topic === 'catalog.review.v1')
        await this.catalog.apply(generation, event, tx);
      else if (topic === 'portal.dossier-ack.v1')
        await this.portalAcks.apply(generation, event as never, tx);
      // The agency tree is not a figure: one copy for every generation (who may export which agency's report).
      else if (topic === 'catalog.agency.v1')
        await storeAgencyTree(
          tx,
          event.data as { provinceCode: string; version: number; nodes: AgencyNode[] },
        );
    }
    await flush();
  }
}

const TOPIC_OF_TYPE = new Map<string, string>(
  CONSUMERS.reporting.map((contract) => [contract.type, contract.topic]),
);

function noticeOf(instance: string, generation: number, event: CloudEvent<Data>): ChangeNotice {
  return {
    instance,
    generation,
    type: event.type,
    agencyCode: event.data.agencyCode as string | undefined,
    domainCode: event.data.domainCode as string | undefined,
  };
}
