import type { ReportingTx } from '../reporting.database';

/** One acknowledgement of the national portal counted on its dossier code's row of portal_sync_fact. */
export async function countPortalAck(
  tx: ReportingTx,
  generation: number,
  ack: { dossierCode: string; agencyCode: string; accepted: boolean; acknowledgedAt: string },
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO portal_sync_fact AS s (generation, dossier_code, agency_code, accepted, rejected, last_accepted_at, last_event_at)
     VALUES ($1, $2, $3, $4::int, 1 - $4::int, CASE WHEN $4::int = 1 THEN $5::timestamptz END, $5::timestamptz)
     ON CONFLICT (generation, dossier_code) DO UPDATE SET
       accepted = s.accepted + EXCLUDED.accepted, rejected = s.rejected + EXCLUDED.rejected,
       last_accepted_at = GREATEST(s.last_accepted_at, EXCLUDED.last_accepted_at),
       last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at)`,
    generation,
    ack.dossierCode,
    ack.agencyCode,
    ack.accepted ? 1 : 0,
    ack.acknowledgedAt,
  );
}
