import type { Principal } from '@motcua/auth';
import type { EventSink } from '@motcua/messaging';
import { PORTAL_STATUS_OF, type DossierStatus } from '../dossier/dossier-status';
import type { DossierWithSteps } from '../dossier/dossier.repository';
import type { DossiersTx } from '../dossiers.database';
import type { Dossier, Prisma } from '../generated/prisma/client';

/** Everything a transition needs: the locked dossier, the caller, the clock, the transaction and its events. */
export type TransitionContext = {
  tx: DossiersTx;
  events: EventSink;
  dossier: DossierWithSteps;
  principal: Principal;
  actor: { unitCode: string; officerId?: string };
  now: Date;
  to: DossierStatus;
};

/** What a transition leaves for the action log. */
export type TransitionOutcome = { eventId: string; details: Record<string, unknown> };

/** Updates the dossier to the target status (and portal status), bumping its revision. */
export async function updateDossier(
  ctx: TransitionContext,
  data: Prisma.DossierUpdateInput = {},
): Promise<Dossier> {
  return ctx.tx.dossier.update({
    where: { id: ctx.dossier.id },
    data: {
      ...data,
      status: ctx.to,
      portalStatus: PORTAL_STATUS_OF[ctx.to],
      revision: { increment: 1 },
    },
  });
}

/** The unique key of one of the dossier's inter-agency stages (giai đoạn liên thông). */
export const stageKey = (ctx: TransitionContext, s: { order: number; agencyCode: string }) => ({
  dossierId_order_agencyCode: {
    dossierId: ctx.dossier.id,
    order: s.order,
    agencyCode: s.agencyCode,
  },
});

export function currentStep(dossier: DossierWithSteps) {
  return (
    dossier.steps.find((s) => s.order === dossier.currentStepOrder) ??
    dossier.steps.find((s) => s.status === 'active')
  );
}

export function nextStep(dossier: DossierWithSteps) {
  const current = currentStep(dossier);
  return dossier.steps.find((s) => current && s.order > current.order);
}
