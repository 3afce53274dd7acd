import { Injectable } from '@nestjs/common';
import type { DossiersTx } from '../dossiers.database';
import type { Dossier, DossierStage, DossierStep, Prisma } from '../generated/prisma/client';
import { DomainProblem } from '@motcua/http';
import { PORTAL_STATUS_OF, type DossierStatus } from './dossier-status';

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

  /** One of the dossier's steps (quy trình nội bộ), in the action's transaction. */
  async updateStep(
    tx: DossiersTx,
    step: { dossierId: string; order: number },
    data: Prisma.DossierStepUncheckedUpdateInput,
  ): Promise<void> {
    await tx.dossierStep.update({
      where: { dossierId_order: { dossierId: step.dossierId, order: step.order } },
      data,
    });
  }

  /** Completes the steps not completed yet (those before `beforeOrder` only, when given). */
  async completeOpenSteps(
    tx: DossiersTx,
    dossierId: string,
    at: Date,
    beforeOrder?: number,
  ): Promise<void> {
    await tx.dossierStep.updateMany({
      where: {
        dossierId,
        ...(beforeOrder === undefined ? {} : { order: { lt: beforeOrder } }),
        status: { not: 'completed' },
      },
      data: { status: 'completed', completedAt: at },
    });
  }

  /** Moves the dossier to `to` (and its portal status), bumping its revision, in the action's transaction. */
  moveTo(
    tx: DossiersTx,
    id: string,
    to: DossierStatus,
    data: Prisma.DossierUpdateInput = {},
  ): Promise<Dossier> {
    return tx.dossier.update({
      where: { id },
      data: { ...data, status: to, portalStatus: PORTAL_STATUS_OF[to], revision: { increment: 1 } },
    });
  }

  /** Changes the dossier's fields other than its status (see moveTo), in the action's transaction. */
  update(tx: DossiersTx, id: string, data: Prisma.DossierUpdateInput): Promise<Dossier> {
    return tx.dossier.update({ where: { id }, data });
  }

  /** One agency's stage of an inter-agency dossier (giai đoạn liên thông), in the action's transaction. */
  async updateStage(
    tx: DossiersTx,
    stage: { dossierId: string; order: number; agencyCode: string },
    data: Prisma.DossierStageUncheckedUpdateInput,
  ): Promise<void> {
    await tx.dossierStage.update({
      where: { dossierId_order_agencyCode: stage },
      data,
    });
  }

  /** The promised date on the agency's running stages (transferred or accepted). */
  async promiseOnRunningStages(
    tx: DossiersTx,
    dossierId: string,
    agencyCode: string,
    dueAt: Date,
  ): Promise<void> {
    await tx.dossierStage.updateMany({
      where: { dossierId, agencyCode, status: { in: ['transferred', 'accepted'] } },
      data: { promisedDueAt: dueAt },
    });
  }

  /** The first logged entry of an action on a dossier (it must exist). */
  firstLog(tx: DossiersTx, dossierId: string, action: string) {
    return tx.dossierActionLog.findFirstOrThrow({ where: { dossierId, action } });
  }

  /** A new lookup secret's hash (the secret itself is not kept). */
  async setLookupSecretHash(tx: DossiersTx, id: string, hash: string): Promise<void> {
    await tx.dossier.update({ where: { id }, data: { lookupSecretHash: hash } });
  }

  /** How many times an action was logged on a dossier. */
  countActions(tx: DossiersTx, dossierId: string, action: string): Promise<number> {
    return tx.dossierActionLog.count({ where: { dossierId, action } });
  }

  async history(tx: DossiersTx, dossierId: string) {
    return tx.dossierActionLog.findMany({ where: { dossierId }, orderBy: { id: 'asc' } });
  }
}
