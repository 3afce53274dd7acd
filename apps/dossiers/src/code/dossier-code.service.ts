import { Injectable } from '@nestjs/common';
import { formatDossierCode } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import type { DossiersTx } from '../dossiers.database';

/**
 * Mã hồ sơ (Circular 01/2018 Art. 19): `<agency>-<YYMMDD of receipt, Asia/Ho_Chi_Minh>-<NNNN>`.
 * The daily sequence is a counter row per (agency, day), incremented by one atomic upsert: the
 * row lock makes numbers distinct across every instance. Intake takes its number just before its
 * transaction (autocommit), so concurrent intakes do not wait on each other's transactions; an
 * intake that fails after taking its number leaves a gap (codes stay unique, not always contiguous).
 */
@Injectable()
export class DossierCodeService {
  async next(db: Pick<DossiersTx, '$queryRawUnsafe'>, agencyCode: string, receivedAt: Date): Promise<string> {
    const receivedOn = toLocalDate(receivedAt);
    const rows = await db.$queryRawUnsafe<{ value: number }[]>(
      `INSERT INTO dossier_code_counter (agency_code, day, value) VALUES ($1, $2::date, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_code_counter.value + 1
       RETURNING value`,
      agencyCode,
      receivedOn,
    );
    return formatDossierCode({ agencyCode, receivedOn, sequence: Number(rows[0].value) });
  }
}
