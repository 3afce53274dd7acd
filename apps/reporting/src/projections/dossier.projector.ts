import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../reporting.database';
import { rollupsDeferred } from './deferred-rollup.repository';
import { writeDossierFacts, type DossierEvent } from './dossier-fact.repository';
import { applyRollupDelta, readOldContributions } from './dossier-rollup.repository';
import { writeStageFacts } from './stage-fact.repository';

/**
 * Writes dossier events into dossier_fact of one generation (idempotent through the inbox) and moves the
 * touched dossiers' contributions in the daily and monthly rollups in the same transaction. A batch costs
 * a handful of statements whatever its size: the contributions before the batch, the facts (the
 * events folded per dossier, one upsert for all: dossier-fold.ts), then the difference applied to both rollups; the
 * stages of inter-agency dossiers (dossier_stage_fact) follow in the same transaction. A building
 * generation writes the facts only: its rollups are filled at the switch (deferred-rollup.repository.ts).
 */
@Injectable()
export class DossierProjector {
  async applyMany(generation: number, events: DossierEvent[], tx: ReportingTx): Promise<void> {
    if (await rollupsDeferred(tx, generation)) {
      await writeDossierFacts(tx, generation, events);
      await writeStageFacts(tx, generation, events);
      return;
    }
    const touched = [...new Set(events.map((event) => event.data.dossierId))];
    const old = await readOldContributions(tx, generation, touched);
    await writeDossierFacts(tx, generation, events);
    await applyRollupDelta(tx, generation, touched, old);
    await writeStageFacts(tx, generation, events);
  }
}
