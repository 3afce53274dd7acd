import type { Principal } from '@motcua/auth';
import type { EventSink } from '@motcua/messaging';
import type { DossierStatus } from '../dossier/dossier-status';
import type { DossierWithSteps } from '../dossier/dossier.repository';
import type { DossiersTx } from '../dossiers.database';

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

/** Which of the dossier's inter-agency stages (giai đoạn liên thông): its unique key. */
export const stageRef = (ctx: TransitionContext, s: { order: number; agencyCode: string }) => ({
  dossierId: ctx.dossier.id,
  order: s.order,
  agencyCode: s.agencyCode,
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
