import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { agencyOfDossierCode, localDateOf } from './local-time';

type DigitizationData = { applicantKey: string; occurredAt: string } & Record<string, unknown>;
export type DigitizationKind = 'digitized' | 'result_issued' | 'result_revoked' | 'reused';

type Row = { kind: DigitizationKind; dossierId: string | null; agencyCode: string; electronic: boolean | null; synced: boolean | null };

/** The row one digitization event adds (a pure rule). */
export function digitizationRow(event: CloudEvent<DigitizationData>): Row | undefined {
  const d = event.data;
  const dossierId = (d.dossierId as string | undefined) ?? null;
  const agencyFromDossier = d.dossierCode ? agencyOfDossierCode(d.dossierCode as string) : '';
  switch (event.type) {
    case 'motcua.document.digitized.v1':
      return { kind: 'digitized', dossierId, agencyCode: agencyFromDossier, electronic: null, synced: d.syncedToApplicantStore as boolean };
    case 'motcua.result.issued.v1':
      return { kind: 'result_issued', dossierId, agencyCode: d.issuingAgencyCode as string, electronic: d.electronic as boolean, synced: null };
    case 'motcua.result.revoked.v1':
      return { kind: 'result_revoked', dossierId: null, agencyCode: d.revokingAgencyCode as string, electronic: null, synced: null };
    case 'motcua.document.reused.v1':
      return { kind: 'reused', dossierId, agencyCode: agencyFromDossier, electronic: null, synced: null };
    default:
      return undefined;
  }
}

/** Appends digitization events to digitization_fact of one generation (one row per event id). */
@Injectable()
export class DigitizationProjector {
  async apply(generation: number, event: CloudEvent<DigitizationData>, tx: ReportingTx): Promise<void> {
    const row = digitizationRow(event);
    if (!row) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO digitization_fact (generation, event_id, kind, dossier_id, agency_code, electronic, synced, occurred_at, occurred_on)
       VALUES ($1, $2::uuid, $3, $4::uuid, $5, $6, $7, $8::timestamptz, $9::date) ON CONFLICT DO NOTHING`,
      generation,
      event.id,
      row.kind,
      row.dossierId,
      row.agencyCode,
      row.electronic,
      row.synced,
      event.data.occurredAt,
      localDateOf(event.data.occurredAt),
    );
  }
}
