import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { countPortalAck } from './portal-sync.repository';

type AckData = {
  dossierCode: string;
  agencyCode: string;
  accepted: boolean;
  acknowledgedAt: string;
};

/**
 * The portal's acknowledgements (topic portal.dossier-ack.v1) counted per dossier code: a dossier counts as
 * synchronised with the national portal once the portal accepted one of its status messages.
 */
@Injectable()
export class PortalAckProjector {
  async apply(generation: number, event: CloudEvent<AckData>, tx: ReportingTx): Promise<void> {
    await countPortalAck(tx, generation, event.data);
  }
}
