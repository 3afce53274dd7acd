import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@motcua/contracts';
import type { ReportingTx } from '../reporting.database';
import { appendDigitizationFact, type DigitizationRow } from './digitization-fact.repository';
import { agencyOfDossierCode } from './local-time';

type DigitizationData = { applicantKey: string; occurredAt: string } & Record<string, unknown>;

/** The row one digitization event adds (a pure rule). */
export function digitizationRow(event: CloudEvent<DigitizationData>): DigitizationRow | undefined {
  const d = event.data;
  const dossierId = (d.dossierId as string | undefined) ?? null;
  const agencyFromDossier = d.dossierCode ? agencyOfDossierCode(d.dossierCode as string) : '';
  switch (event.type) {
    case 'motcua.document.digitized.v1':
      return {
        kind: 'digitized',
        dossierId,
        agencyCode: agencyFromDossier,
        electronic: null,
        synced: d.syncedToApplicantStore as boolean,
      };
    case 'motcua.result.issued.v1':
      return {
        kind: 'result_issued',
        dossierId,
        agencyCode: d.issuingAgencyCode as string,
        electronic: d.electronic as boolean,
        synced: null,
      };
    case 'motcua.result.revoked.v1':
      return {
        kind: 'result_revoked',
        dossierId: null,
        agencyCode: d.revokingAgencyCode as string,
        electronic: null,
        synced: null,
      };
    case 'motcua.document.reused.v1':
      return {
        kind: 'reused',
        dossierId,
        agencyCode: agencyFromDossier,
        electronic: null,
        synced: null,
      };
    default:
      return undefined;
  }
}

/** Appends digitization events to digitization_fact of one generation, with their day's rollup. */
@Injectable()
export class DigitizationProjector {
  async apply(
    generation: number,
    event: CloudEvent<DigitizationData>,
    tx: ReportingTx,
  ): Promise<void> {
    const row = digitizationRow(event);
    if (row) await appendDigitizationFact(tx, generation, event.id, row, event.data.occurredAt);
  }
}
