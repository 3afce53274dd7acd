import { Injectable } from '@nestjs/common';
import { formatDossierCode } from '@motcua/contracts';
import { toLocalDate } from '@motcua/calendar';
import type { SqlTransaction } from '@motcua/messaging';
import { dossierCodePolicyOn, leadingAgencyCode } from './dossier-code.policy';

/**
 * Mã hồ sơ (Circular 03/2025 Art. 13; Circular 01/2018 to 30/6/2025): `<agency>-<YYMMDD of
 * receipt, Asia/Ho_Chi_Minh>-<daily sequence, at least 4 digits, growing past 9,999>`; whose
 * agency ID leads is the policy in force on the date of receipt (dossier-code.policy.ts).
 * The daily sequence is a counter row per (agency, day), incremented by one atomic upsert: the
 * row lock makes numbers distinct across every instance. Intake takes its number just before its
 * transaction (autocommit), so concurrent intakes do not wait on each other's transactions; an
 * intake that fails after taking its number leaves a gap (codes stay unique, not always contiguous).
 */
@Injectable()
export class DossierCodeService {
  async next(
    db: SqlTransaction,
    agencies: { resolving: string; receiving?: string },
    receivedAt: Date,
  ): Promise<string> {
    const receivedOn = toLocalDate(receivedAt);
    const agencyCode = leadingAgencyCode(dossierCodePolicyOn(receivedOn), agencies);
    // The counter row is hot: every intake of the agency-day updates it, and its lock is held
    // until commit. Committing without waiting for the WAL flush releases it at once. Safe: a
    // dossier that commits durably flushes the WAL up to its own record, which includes this
    // earlier increment, so no durable dossier can ever see its number handed out again.
    // set_config(…, true) lasts for this statement's own transaction: one round trip in all.
    const rows = await db.$queryRawUnsafe<{ value: number }[]>(
      `INSERT INTO dossier_code_counter (agency_code, day, value)
       SELECT $1, $2::date, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait
       ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_code_counter.value + 1
       RETURNING value`,
      agencyCode,
      receivedOn,
    );
    return formatDossierCode({ agencyCode, receivedOn, sequence: Number(rows[0].value) });
  }
}
