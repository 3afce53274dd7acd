import type { ReportingTx } from '../reporting.database';
import { rebuildRollupSql, ROLLUP_TABLES, type Grain } from './dossier-rollup';

/**
 * A rebuild defers the dossier rollups (docs/adr/0035-*): while a generation is building, its
 * dossier events write only the facts, and the switch fills its daily and monthly rollups from
 * them in one GROUP BY each. No one reads a building generation, so nothing sees it without them.
 *
 * Whether a run of events maintains the rollups is read under a share lock of the generation's row,
 * which the switch locks for update before filling: a run committed before the switch is in the
 * facts the fill reads; a run after it sees the generation active and applies its deltas on top.
 */
export async function rollupsDeferred(tx: ReportingTx, generation: number): Promise<boolean> {
  const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(
    `SELECT status FROM projection_generation WHERE generation = $1 FOR SHARE`,
    generation,
  );
  return row?.status === 'building';
}

/**
 * At the switch, in its transaction, before the generation is marked active: locks its row (runs
 * in flight finish first, later ones wait for the commit), then, if it is still building (another
 * instance may have switched meanwhile), fills its rollups from its facts.
 */
export async function fillDeferredRollups(tx: ReportingTx, generation: number): Promise<void> {
  const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(
    `SELECT status FROM projection_generation WHERE generation = $1 FOR UPDATE`,
    generation,
  );
  if (row?.status !== 'building') return;
  for (const grain of ['day', 'month'] as Grain[]) {
    await tx.$executeRawUnsafe(
      `DELETE FROM ${ROLLUP_TABLES[grain]} WHERE generation = $1`,
      generation,
    );
    await tx.$executeRawUnsafe(rebuildRollupSql(grain), generation);
  }
}
