import { Injectable } from '@nestjs/common';
import type { TimeLimit } from '@motcua/calendar';
import {
  dossierStageAccepted,
  dossierStageHandedBack,
  dossierStageStepCompleted,
  dossierStageTransferred,
} from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { DossierRepository } from '../dossier/dossier.repository';
import type { DossierStage } from '../generated/prisma/client';
import type { ActionBody } from '../lifecycle/lifecycle.schemas';
import { lifecycleRuleProblem } from '../lifecycle/progress.transitions';
import {
  stageRef,
  type TransitionContext,
  type TransitionOutcome,
} from '../lifecycle/transition.context';
import { isParticipant, notHeld, stagesActionable, transferTargets } from './stage-authority.rules';
import { stageOutcome, stagesStartingAfter } from './stage.rules';
import {
  acceptStageSteps,
  activeStageStep,
  completeStageStep,
  handBackStageSteps,
  stageStepsOf,
} from './stage-steps.rules';

const stageOf = (s: DossierStage) => ({
  order: s.order,
  agencyCode: s.agencyCode,
  agencyName: s.agencyName,
  external: s.external,
});

/**
 * Một cửa liên thông: transfer to the next order's agencies, acceptance, hand-back. Whether the
 * action may run at all (and for whom) was decided by action-rules.ts; here only what depends on
 * the body: which agencies, which stage.
 */
@Injectable()
export class StageTransitions {
  constructor(private readonly dossiers: DossierRepository) {}

  async transfer(ctx: TransitionContext, body: ActionBody<'transfer'>): Promise<TransitionOutcome> {
    const stages = ctx.dossier.stages ?? [];
    const targets = transferTargets(ctx.dossier) as DossierStage[];
    const violations = body.agencyCodes.flatMap((code) => {
      if (targets.some((t) => t.agencyCode === code)) return [];
      const inChain = stages.some((s) => s.agencyCode === code);
      return [
        {
          field: 'agencyCodes',
          rule: inChain ? 'next-stage-only' : 'agency-in-chain',
          message: inChain
            ? `${code} has no stage waiting in the running order ${targets[0]?.order}: send to ${targets.map((t) => t.agencyCode).join(', ')}`
            : `${code} is not an agency of the procedure's inter-agency chain (${[...new Set(stages.map((s) => s.agencyCode))].join(', ')})`,
        },
      ];
    });
    if (violations.length > 0) throw lifecycleRuleProblem(violations);
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to);
    const facts = factsOf(dossier, ctx.now);
    const fromAgencyCode = ctx.principal.agency ?? dossier.agencyCode;
    let eventId = '';
    for (const code of [...new Set(body.agencyCodes)]) {
      const stage = targets.find((t) => t.agencyCode === code)!;
      await this.dossiers.updateStage(ctx.tx, stageRef(ctx, stage), {
        status: 'transferred',
        transferredAt: ctx.now,
      });
      const data = {
        ...facts,
        portalStatus: 4 as const,
        stage: stageOf(stage),
        stageStartedAt: stage.startedAt!.toISOString(),
        stageLegalDueDate: stage.legalDueAt!.toISOString(),
        transferredAt: ctx.now.toISOString(),
        fromAgencyCode,
        transferredBy: ctx.actor,
      };
      // The portal hears one status per action ("processing"), never the agencies of the chain.
      const id = eventId
        ? ctx.events.publish(dossierStageTransferred, data).id
        : publishDossierEvent(ctx.events, dossierStageTransferred, data, dossier);
      eventId ||= id;
    }
    return { eventId, details: { agencyCodes: body.agencyCodes, mode: body.mode, fromAgencyCode } };
  }

  async acceptStage(
    ctx: TransitionContext,
    body: ActionBody<'accept-stage'>,
  ): Promise<TransitionOutcome> {
    const stage = this.pick(ctx, 'accept-stage', body.agencyCode);
    await this.dossiers.updateStage(ctx.tx, stageRef(ctx, stage), {
      status: 'accepted',
      acceptedAt: ctx.now,
      // The agency's first internal step starts now.
      steps: acceptStageSteps(stageStepsOf(stage), ctx.now, body.officerId),
    });
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to);
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStageAccepted,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        stage: stageOf(stage),
        stageStartedAt: stage.startedAt!.toISOString(),
        stageLegalDueDate: stage.legalDueAt!.toISOString(),
        acceptedAt: ctx.now.toISOString(),
        acceptedBy: ctx.actor,
      },
      dossier,
    );
    return { eventId, details: { stage: stageOf(stage) } };
  }

  async handBack(
    ctx: TransitionContext,
    body: ActionBody<'hand-back'>,
  ): Promise<TransitionOutcome> {
    const stage = this.pick(ctx, 'hand-back', body.agencyCode);
    const outcome = stageOutcome(stage, ctx.now);
    const handsOn =
      body.handsOn ??
      (stage.handsOn as { kind: 'document' | 'result'; code: string; name: string }[]);
    await this.dossiers.updateStage(ctx.tx, stageRef(ctx, stage), {
      status: 'handed_back',
      handedBackAt: ctx.now,
      acceptedAt: stage.acceptedAt ?? ctx.now,
      workingHoursTaken: outcome.workingHoursTaken,
      onTime: outcome.onTime,
      steps: handBackStageSteps(stageStepsOf(stage), ctx.now),
    });
    const stages = (ctx.dossier.stages ?? []).map((s) =>
      s.order === stage.order && s.agencyCode === stage.agencyCode
        ? { ...s, status: 'handed_back' }
        : s,
    );
    const starting = stagesStartingAfter(
      stages,
      stage,
      ctx.now,
      ctx.dossier.timeLimit as TimeLimit,
    );
    for (const next of starting) {
      await this.dossiers.updateStage(ctx.tx, stageRef(ctx, next), {
        startedAt: next.startedAt,
        clockStartedAt: next.clockStartedAt,
        clockPauses: next.clockPauses,
        legalDueAt: next.legalDueAt,
        steps: next.steps,
      });
    }
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to);
    const recordedAs =
      stage.external && !isParticipant(ctx.dossier, ctx.principal) ? 'lead-entry' : 'agency';
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStageHandedBack,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        stage: stageOf(stage),
        stageStartedAt: stage.startedAt!.toISOString(),
        stageLegalDueDate: stage.legalDueAt!.toISOString(),
        stageEndedAt: ctx.now.toISOString(),
        ...outcome,
        handsOn,
        recordedAs,
        handedBackBy: ctx.actor,
        ...(starting.length > 0 ? { nextOrder: starting[0].order } : {}),
      },
      dossier,
    );
    return {
      eventId,
      details: { stage: stageOf(stage), ...outcome, handsOn, note: body.note, recordedAs },
    };
  }

  /**
   * The agency's active internal step of its stage is completed and the next one starts (its due
   * date was set when the stage started, bounded by the stage's). The last step ends with the
   * hand-back; a specialist acts on its unit's step only (checked by action-rules.ts).
   */
  async completeStageStep(
    ctx: TransitionContext,
    body: ActionBody<'complete-stage-step'>,
  ): Promise<TransitionOutcome> {
    const stage = this.pick(ctx, 'complete-stage-step', body.agencyCode);
    const steps = stageStepsOf(stage);
    const done = activeStageStep(steps)!;
    const after = completeStageStep(steps, ctx.now, body.nextOfficerId);
    const next = activeStageStep(after)!;
    await this.dossiers.updateStage(ctx.tx, stageRef(ctx, stage), { steps: after });
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to);
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStageStepCompleted,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        stage: stageOf(stage),
        stageStartedAt: stage.startedAt!.toISOString(),
        stageLegalDueDate: stage.legalDueAt!.toISOString(),
        stepOrder: done.order,
        stepName: done.name,
        ...(done.unitCode ? { stepUnitCode: done.unitCode } : {}),
        stepDueDate: done.dueAt ?? stage.legalDueAt!.toISOString(),
        completedBy: ctx.actor,
        nextStepOrder: next.order,
      },
      dossier,
    );
    return {
      eventId,
      details: {
        stage: stageOf(stage),
        completedStep: done.order,
        nextStep: next.order,
        note: body.note,
      },
    };
  }

  /** The stage the caller acts on: the one named, or the only one it may act on. */
  private pick(
    ctx: TransitionContext,
    action: 'accept-stage' | 'hand-back' | 'complete-stage-step',
    agencyCode: string | undefined,
  ): DossierStage {
    const mine = stagesActionable(action, ctx.dossier, ctx.principal) as DossierStage[];
    if (agencyCode === undefined) {
      if (mine.length === 1) return mine[0];
      throw lifecycleRuleProblem([
        {
          field: 'agencyCode',
          rule: 'stage-named',
          message: `name the stage's agency: you may ${action} ${mine.map((s) => s.agencyCode).join(', ')}`,
        },
      ]);
    }
    const named = mine.find((s) => s.agencyCode === agencyCode);
    if (named) return named;
    const refusal = notHeld(
      action,
      'stage-holder-only',
      `the stage of ${agencyCode} is not one you may ${action} (you may: ${mine.map((s) => s.agencyCode).join(', ') || 'none'})`,
    );
    throw new DomainProblem(409, refusal.type, refusal.title, refusal.detail, {
      errors: refusal.errors,
      dossierStatus: ctx.dossier.status,
    });
  }
}
