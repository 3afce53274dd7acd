import { Injectable } from '@nestjs/common';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';

/** Which dossiers to date again, and the calendar version they were dated with. */
type Stale = { statuses: readonly string[]; calendarVersion: string };

/** The re-derivation's queries: stale open dossiers in keyset pages, their clock restarts, their row locks. */
@Injectable()
export class RederivationRepository {
  constructor(private readonly db: DossiersDatabase) {}

  /** Ids of dossiers in `statuses` dated with another version than `calendarVersion`, after `after` by id. */
  async staleIds(
    stale: Stale,
    after: string,
    agencyCode: string | undefined,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM dossier
        WHERE status = ANY($1::text[]) AND calendar_version <> $2 AND id > $3::uuid
          AND ($4::text IS NULL OR agency_code = $4)
        ORDER BY id LIMIT ${limit}`,
      [...stale.statuses],
      stale.calendarVersion,
      after,
      agencyCode ?? null,
    );
    return rows.map((r) => r.id);
  }

  /** The dossiers with their steps and stages, by id. */
  withStepsAndStages(ids: string[]) {
    return this.db.dossier.findMany({
      where: { id: { in: ids } },
      include: {
        steps: { orderBy: { order: 'asc' } },
        stages: { orderBy: [{ order: 'asc' }, { agencyCode: 'asc' }] },
      },
      orderBy: { id: 'asc' },
    });
  }

  /** When each dossier's clock last restarted (a complete supplement), by dossier id. */
  async clockRestarts(ids: string[]): Promise<Map<string, Date>> {
    const restarts = await this.db.$queryRawUnsafe<{ dossier_id: string; at: Date }[]>(
      `SELECT dossier_id, max(occurred_at) AS at FROM dossier_action_log
          WHERE dossier_id = ANY($1::uuid[]) AND action = 'supplement-received' AND to_status = 'processing'
          GROUP BY dossier_id`,
      ids,
    );
    return new Map(restarts.map((r) => [r.dossier_id, r.at]));
  }

  /** Stamps the version on those of the dossiers still in `statuses` (dates unchanged). */
  async stampCalendarVersion(ids: string[], stale: Stale): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE dossier SET calendar_version = $1 WHERE id = ANY($2::uuid[]) AND status = ANY($3::text[])`,
      stale.calendarVersion,
      ids,
      [...stale.statuses],
    );
  }

  /** Locks the dossier's row if it is still stale; false when it is not or another transaction holds it. */
  async lockIfStale(tx: DossiersTx, id: string, stale: Stale): Promise<boolean> {
    const locked = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT id FROM dossier WHERE id = $1::uuid AND status = ANY($2::text[]) AND calendar_version <> $3 FOR UPDATE SKIP LOCKED`,
      id,
      [...stale.statuses],
      stale.calendarVersion,
    );
    return locked.length > 0;
  }

  /** When the dossier's clock last restarted, in the transaction. */
  async lastClockRestart(tx: DossiersTx, dossierId: string): Promise<Date | null> {
    const restart = await tx.dossierActionLog.findFirst({
      // Only a complete supplement restarts the clock; a partial one leaves the dossier waiting.
      where: { dossierId, action: 'supplement-received', toStatus: 'processing' },
      orderBy: { id: 'desc' },
    });
    return restart?.occurredAt ?? null;
  }
}
