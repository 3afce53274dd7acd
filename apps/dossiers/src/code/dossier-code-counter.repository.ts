import { Injectable } from '@nestjs/common';
import type { SqlTransaction } from '@motcua/messaging';

/** The daily sequence of dossier codes: one counter row per (agency, day). */
@Injectable()
export class DossierCodeCounterRepository {
  /**
   * The next numbers of the agencies' days, one per entry of `days` and in its order, by ONE atomic
   * upsert for a whole group of intakes (the row locks make numbers distinct across every
   * instance). Each (agency, day) row is advanced once by the count the group needs, and the rows
   * are locked in key order, so two groups never wait on each other crosswise (no deadlock). The
   * counter rows are hot: every intake of the agency-day updates them, and their locks are held
   * until commit. Committing without waiting for the WAL flush releases them at once. Safe: a
   * dossier that commits durably flushes the WAL up to its own record, which includes this earlier
   * increment, so no durable dossier can ever see its number handed out again.
   * set_config(…, true) lasts for this statement's own transaction: one round trip in all.
   */
  async next(
    db: SqlTransaction,
    days: readonly { agencyCode: string; day: string }[],
  ): Promise<number[]> {
    const counts = new Map<string, { agency_code: string; day: string; count: number }>();
    for (const { agencyCode, day } of days) {
      const key = `${agencyCode} ${day}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { agency_code: agencyCode, day, count: 1 });
    }
    const rows = await db.$queryRawUnsafe<{ agency_code: string; day: string; value: number }[]>(
      `INSERT INTO dossier_code_counter (agency_code, day, value)
       SELECT k.agency_code, k.day, k.count
       FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait,
            jsonb_to_recordset($1::jsonb) AS k(agency_code text, day date, count int)
       ORDER BY k.agency_code, k.day
       ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_code_counter.value + EXCLUDED.value
       RETURNING agency_code, day::text AS day, value`,
      JSON.stringify([...counts.values()]),
    );
    // Each row answers the last number it gave: the group's numbers of that day end there.
    const nextOf = new Map(
      rows.map((r) => {
        const key = `${r.agency_code} ${r.day}`;
        return [key, Number(r.value) - counts.get(key)!.count + 1];
      }),
    );
    return days.map(({ agencyCode, day }) => {
      const key = `${agencyCode} ${day}`;
      const number = nextOf.get(key)!;
      nextOf.set(key, number + 1);
      return number;
    });
  }
}
