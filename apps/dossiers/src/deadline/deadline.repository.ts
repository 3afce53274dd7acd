import { Injectable } from '@nestjs/common';
import type { DossiersTx } from '../dossiers.database';
import { GOVERNING_DUE_SQL } from './deadline.rules';

/** The window a watch batch looks at: due before `horizonEnd`, overdue before `now`. */
type Window = { now: Date; horizonEnd: Date; batch: number };

/**
 * The deadline watch's queries. Rows are claimed FOR UPDATE SKIP LOCKED in the caller's
 * transaction, ordered by due date (overdue first, then due soon, then the rest).
 */
@Injectable()
export class DeadlineRepository {
  /** Open dossiers whose governing due date is not yet announced as overdue or due soon. */
  async claimDossiers(tx: DossiersTx, window: Window): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM dossier
          WHERE status IN ('received', 'processing') AND ${GOVERNING_DUE_SQL} IS NOT NULL
            AND ((${GOVERNING_DUE_SQL} < $1 AND overdue_announced_for IS DISTINCT FROM ${GOVERNING_DUE_SQL})
              OR (${GOVERNING_DUE_SQL} >= $1 AND ${GOVERNING_DUE_SQL} < $2 AND due_soon_announced_for IS DISTINCT FROM ${GOVERNING_DUE_SQL}))
          ORDER BY ${GOVERNING_DUE_SQL} LIMIT ${window.batch} FOR UPDATE SKIP LOCKED`,
      window.now,
      window.horizonEnd,
    );
    return rows.map((r) => r.id);
  }

  /** A claimed dossier with its steps. */
  dossier(tx: DossiersTx, id: string) {
    return tx.dossier.findUniqueOrThrow({ where: { id }, include: { steps: true } });
  }

  /** Running stages (liên thông) of open dossiers whose legal due date is not yet announced. */
  claimStages(
    tx: DossiersTx,
    window: Window,
  ): Promise<{ dossier_id: string; order: number; agency_code: string }[]> {
    return tx.$queryRawUnsafe(
      `SELECT s.dossier_id, s."order", s.agency_code FROM dossier_stage s JOIN dossier d ON d.id = s.dossier_id
      WHERE d.status IN ('received', 'processing') AND s.status <> 'handed_back'
        AND s.started_at IS NOT NULL AND s.legal_due_at IS NOT NULL
        AND ((s.legal_due_at < $1 AND s.overdue_announced_for IS DISTINCT FROM s.legal_due_at)
          OR (s.legal_due_at >= $1 AND s.legal_due_at < $2 AND s.due_soon_announced_for IS DISTINCT FROM s.legal_due_at))
      ORDER BY s.legal_due_at LIMIT ${window.batch} FOR UPDATE OF s SKIP LOCKED`,
      window.now,
      window.horizonEnd,
    );
  }

  /** A claimed stage with its dossier. */
  stage(tx: DossiersTx, key: { dossierId: string; order: number; agencyCode: string }) {
    return tx.dossierStage.findUniqueOrThrow({
      where: { dossierId_order_agencyCode: key },
      include: { dossier: true },
    });
  }
}
