import { Injectable } from '@nestjs/common';
import { formatDossierCode } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import type { DossiersTx } from '../dossiers.database';

/**
 * Mã hồ sơ (Circular 01/2018 Art. 19): `<agency>-<YYMMDD of receipt, Asia/Ho_Chi_Minh>-<NNNN>`.
 * The daily sequence is a counter row per (agency, day), incremented inside the intake
 * transaction: the row lock serialises concurrent intakes of one agency and day across every
 * instance, and a rolled-back intake gives its number back, so codes stay distinct and contiguous.
 */
@Injectable()
export class DossierCodeService {
  async next(tx: DossiersTx, agencyCode: string, receivedAt: Date): Promise<string> {
    const receivedOn = toLocalDate(receivedAt);
    const rows = await tx.$queryRawUnsafe<{ value: number }[]>(
      `INSERT INTO dossier_code_counter (agency_code, day, value) VALUES ($1, $2::date, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_code_counter.value + 1
       RETURNING value`,
      agencyCode,
      receivedOn,
    );
    return formatDossierCode({ agencyCode, receivedOn, sequence: Number(rows[0].value) });
  }
}
