import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';

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
    const d = event.data;
    await tx.$executeRawUnsafe(
      `INSERT INTO portal_sync_fact AS s (generation, dossier_code, agency_code, accepted, rejected, last_accepted_at, last_event_at)
       VALUES ($1, $2, $3, $4::int, 1 - $4::int, CASE WHEN $4::int = 1 THEN $5::timestamptz END, $5::timestamptz)
       ON CONFLICT (generation, dossier_code) DO UPDATE SET
         accepted = s.accepted + EXCLUDED.accepted, rejected = s.rejected + EXCLUDED.rejected,
         last_accepted_at = GREATEST(s.last_accepted_at, EXCLUDED.last_accepted_at),
         last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at)`,
      generation,
      d.dossierCode,
      d.agencyCode,
      d.accepted ? 1 : 0,
      d.acknowledgedAt,
    );
  }
}
