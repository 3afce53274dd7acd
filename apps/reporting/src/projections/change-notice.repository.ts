import type { ReportingTx } from '../reporting.database';

/** Channel of PostgreSQL NOTIFY: delivered only when the projection's transaction commits. */
export const CHANGE_CHANNEL = 'reporting_changed';

export type ChangeNotice = {
  instance: string;
  generation: number;
  type: string;
  agencyCode?: string;
  domainCode?: string;
};

/** One NOTIFY per distinct notice of the batch (the dashboard re-reads on any of them). */
export async function notifyOnCommit(tx: ReportingTx, notices: ChangeNotice[]): Promise<void> {
  const distinct = [...new Set(notices.map((notice) => JSON.stringify(notice)))];
  await tx.$queryRawUnsafe(
    `SELECT count(pg_notify($1, n))::int AS notified FROM unnest($2::text[]) AS n`,
    CHANGE_CHANNEL,
    distinct,
  );
}
