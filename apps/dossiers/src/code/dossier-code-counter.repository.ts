import { Injectable } from '@nestjs/common';
import type { SqlTransaction } from '@motcua/messaging';

/** The daily sequence of dossier codes: one counter row per (agency, day). */
@Injectable()
export class DossierCodeCounterRepository {
  /**
   * The next number of the agency's day, by one atomic upsert (the row lock makes numbers distinct
   * across every instance). The counter row is hot: every intake of the agency-day updates it, and
   * its lock is held until commit. Committing without waiting for the WAL flush releases it at once.
   * Safe: a dossier that commits durably flushes the WAL up to its own record, which includes this
   * earlier increment, so no durable dossier can ever see its number handed out again.
   * set_config(…, true) lasts for this statement's own transaction: one round trip in all.
   */
  async next(db: SqlTransaction, agencyCode: string, day: string): Promise<number> {
    const rows = await db.$queryRawUnsafe<{ value: number }[]>(
      `INSERT INTO dossier_code_counter (agency_code, day, value)
       SELECT $1, $2::date, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait
       ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_code_counter.value + 1
       RETURNING value`,
      agencyCode,
      day,
    );
    return Number(rows[0].value);
  }
}
