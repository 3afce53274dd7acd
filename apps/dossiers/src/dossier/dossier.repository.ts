import { Injectable } from '@nestjs/common';
import type { DossiersTx } from '../dossiers.database';
import type { Dossier, DossierStage, DossierStep, Prisma } from '../generated/prisma/client';
import { DomainProblem } from '@motcua/http';

/** A dossier with its workflow steps and, for an inter-agency procedure, its stages (liên thông). */
export type DossierWithSteps = Dossier & { steps: DossierStep[]; stages?: DossierStage[] };

/** Queries on dossiers, their steps and the append-only action log. */
@Injectable()
export class DossierRepository {
  async findWithSteps(
    tx: DossiersTx,
    where: { id: string } | { code: string },
  ): Promise<DossierWithSteps | null> {
    return tx.dossier.findUnique({
      where,
      include: {
        steps: { orderBy: { order: 'asc' } },
        stages: { orderBy: [{ order: 'asc' }, { agencyCode: 'asc' }] },
      },
    });
  }

  /** Locks the dossier row for the rest of the transaction (one transition at a time). */
  async lockForUpdate(tx: DossiersTx, id: string): Promise<DossierWithSteps> {
    const locked = await tx.$queryRawUnsafe<unknown[]>(
      `SELECT id FROM dossier WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    const dossier = locked.length ? await this.findWithSteps(tx, { id }) : null;
    if (!dossier)
      throw new DomainProblem(404, 'dossier-not-found', 'Dossier not found', `No dossier ${id}.`);
    return dossier;
  }

  /** Appends to the action log (the log is never updated or deleted). */
  async appendLog(
    tx: DossiersTx,
    entry: Prisma.DossierActionLogUncheckedCreateInput,
  ): Promise<void> {
    await tx.dossierActionLog.create({ data: entry });
  }

  async history(tx: DossiersTx, dossierId: string) {
    return tx.dossierActionLog.findMany({ where: { dossierId }, orderBy: { id: 'asc' } });
  }
}
