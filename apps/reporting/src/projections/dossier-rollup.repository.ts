import type { ReportingTx } from '../reporting.database';
import {
  ROLLUP_TABLES,
  bucket,
  oldContributionColumns,
  rollupDeltaSql,
  type LeftRow,
} from './dossier-rollup';

/** The touched dossiers' contributions before a batch writes their facts, per grain, as exact JSON text. */
export type OldContributions = { old_day: string; old_month: string };

/** The rollup writes of a dossier batch, in its chunk transaction (the SQL is defined in dossier-rollup.ts). */
export async function readOldContributions(
  tx: ReportingTx,
  generation: number,
  touched: string[],
): Promise<OldContributions> {
  const [old] = await tx.$queryRawUnsafe<OldContributions[]>(
    `SELECT ${oldContributionColumns()}`,
    generation,
    touched,
  );
  return old;
}

/** Moves both rollups by the difference between the old contributions and the present ones. */
export async function applyRollupDelta(
  tx: ReportingTx,
  generation: number,
  touched: string[],
  old: OldContributions,
): Promise<void> {
  const left = await tx.$queryRawUnsafe<LeftRow[]>(
    rollupDeltaSql('$3', '$4'),
    generation,
    touched,
    old.old_day,
    old.old_month,
  );
  await cleanUpLeftRows(tx, generation, left);
}

/**
 * Rows a dossier left (its dimensions or dates changed): deleted when emptied, else their cut-off is
 * recomputed from the facts (a maximum cannot be taken back by a delta). Rare.
 */
async function cleanUpLeftRows(
  tx: ReportingTx,
  generation: number,
  rows: LeftRow[],
): Promise<void> {
  const match = `r.generation = $1 AND r.day = $2::date AND r.agency_code = $3 AND r.unit_code = $4 AND r.domain_code = $5
    AND r.procedure_code = $6 AND r.procedure_version = $7 AND r.channel = $8`;
  for (const c of rows) {
    const table = ROLLUP_TABLES[c.grain];
    const args = [
      generation,
      c.day,
      c.agency_code,
      c.unit_code,
      c.domain_code,
      c.procedure_code,
      Number(c.procedure_version),
      c.channel,
    ];
    await tx.$executeRawUnsafe(`DELETE FROM ${table} r WHERE ${match} AND r.facts = 0`, ...args);
    await tx.$executeRawUnsafe(
      `UPDATE ${table} r SET last_event_at = (
         SELECT max(f.last_event_at) FROM dossier_fact f
         WHERE f.generation = r.generation AND f.agency_code = r.agency_code AND COALESCE(f.unit_code, '') = r.unit_code
           AND f.domain_code = r.domain_code AND f.procedure_code = r.procedure_code AND f.procedure_version = r.procedure_version
           AND f.channel = r.channel AND (${bucket(c.grain, 'f.received_on')} = r.day OR ${bucket(c.grain, 'f.finished_on')} = r.day
             OR ${bucket(c.grain, 'f.returned_on')} = r.day))
       WHERE ${match}`,
      ...args,
    );
  }
}
