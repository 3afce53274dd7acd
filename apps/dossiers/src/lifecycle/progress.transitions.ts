import { Injectable } from '@nestjs/common';
import { endOfOfficeDay, toLocalDate, type TimeLimit } from '@motcua/calendar';
import {
  dossierExtended,
  dossierResumed,
  dossierStepCompleted,
  dossierSupplementPartiallyReceived,
  dossierSupplementRequested,
  dossierTransferred,
} from '@motcua/contracts';
import { ruleProblem, type FieldViolation } from '@motcua/http';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { DossierRepository } from '../dossier/dossier.repository';
import { Prisma } from '../generated/prisma/client';
import type { DossierChannel, MissingItem, SubmittedDocument } from '../dossier/dossier-status';
import { withScanExemptions } from '../dossier/scan-exemption';
import { scheduleFrom } from '../schedule/due-dates';
import type { ActionBody } from './lifecycle.schemas';
import {
  EXTENSION_POLICIES,
  SUPPLEMENT_POLICIES,
  newDueDateViolations,
  policyOn,
} from './lifecycle.policies';
import { stagesAfterSupplement, stagesAskingSupplement } from '../stages/stage.rules';
import { applySupplement, outstandingOf, type OutstandingItem } from './supplement.rules';
import {
  currentStep,
  nextStep,
  type TransitionContext,
  type TransitionOutcome,
} from './transition.context';

/** 422 of an action that rules of the one-stop shop forbid (`errors` names each rule). */
const RULE_VIOLATED = 'rule-violated';
const RULE_VIOLATED_TITLE = 'A rule of the one-stop shop forbids this action';

/** 422 rule-violated naming each field and rule (the lifecycle's and the stages' one answer). */
export const lifecycleRuleProblem = (violations: FieldViolation[]) =>
  ruleProblem(RULE_VIOLATED, RULE_VIOLATED_TITLE, violations);

/** Transitions while the dossier is being processed (portal status 4/5). */
@Injectable()
export class ProgressTransitions {
  constructor(private readonly dossiers: DossierRepository) {}

  async assign(ctx: TransitionContext, body: ActionBody<'assign'>): Promise<TransitionOutcome> {
    const step = currentStep(ctx.dossier)!;
    await this.dossiers.updateStep(ctx.tx, step, { assigneeId: body.officerId });
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to);
    const eventId = publishDossierEvent(
      ctx.events,
      dossierTransferred,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        from: ctx.actor,
        to: { unitCode: step.unitCode, officerId: body.officerId },
        stepOrder: step.order,
        stepDueDate: step.dueAt.toISOString(),
        mode: 'electronic',
      },
      dossier,
    );
    return { eventId, details: { stepOrder: step.order, officerId: body.officerId } };
  }

  async completeStep(
    ctx: TransitionContext,
    body: ActionBody<'complete-step'>,
  ): Promise<TransitionOutcome> {
    const step = currentStep(ctx.dossier)!;
    const next = nextStep(ctx.dossier)!;
    await this.dossiers.updateStep(ctx.tx, step, { status: 'completed', completedAt: ctx.now });
    await this.dossiers.updateStep(ctx.tx, next, {
      status: 'active',
      startedAt: ctx.now,
      assigneeId: body.nextOfficerId ?? null,
    });
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      currentStepOrder: next.order,
    });
    const facts = factsOf(dossier, ctx.now);
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStepCompleted,
      {
        ...facts,
        stepOrder: step.order,
        stepName: step.name,
        completedBy: ctx.actor,
        stepDueDate: step.dueAt.toISOString(),
      },
      dossier,
    );
    publishDossierEvent(
      ctx.events,
      dossierTransferred,
      {
        ...facts,
        portalStatus: 4,
        from: { unitCode: step.unitCode },
        to: {
          unitCode: next.unitCode,
          ...(body.nextOfficerId ? { officerId: body.nextOfficerId } : {}),
        },
        stepOrder: next.order,
        stepDueDate: next.dueAt.toISOString(),
        mode: 'electronic',
      },
      dossier,
    );
    return {
      eventId,
      details: { completedStep: step.order, nextStep: next.order, note: body.note },
    };
  }

  /** Phiếu yêu cầu bổ sung (form 02); its window was checked by action-rules.ts. Every listed item is awaited. */
  async requestSupplement(
    ctx: TransitionContext,
    body: ActionBody<'request-supplement'>,
  ): Promise<TransitionOutcome> {
    const policy = policyOn(SUPPLEMENT_POLICIES, toLocalDate(ctx.dossier.receivedAt));
    // Liên thông: the asking agency's running stage is marked; its clock restarts on completion.
    const asking = stagesAskingSupplement(ctx.dossier.stages ?? [], ctx.principal.agency);
    for (const stage of asking)
      await this.dossiers.updateStage(
        ctx.tx,
        { dossierId: ctx.dossier.id, order: stage.order, agencyCode: stage.agencyCode },
        {
          supplementRequestedAt: ctx.now,
        },
      );
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      supplementRequestedAt: ctx.now,
      missing: body.missing,
      supplementOutstanding: outstandingOf(body.missing),
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierSupplementRequested,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 5,
        supplementRequestedAt: ctx.now.toISOString(),
        stage: 'processing',
        requestedBy: ctx.actor,
        missing: body.missing,
        respondBy: body.respondBy,
        ...(body.applicantFault
          ? { applicantFault: true, applicantFaultReason: body.applicantFault.reason }
          : {}),
        ...(asking.length > 0 ? { askedByAgencyCode: asking[0].agencyCode } : {}),
      },
      dossier,
    );
    return {
      eventId,
      details: {
        missing: body.missing,
        respondBy: body.respondBy,
        applicantFault: body.applicantFault,
        policy: policy.id,
        ...(asking.length > 0 ? { askedByStages: asking.map((s) => s.agencyCode) } : {}),
      },
    };
  }

  /**
   * Nhận hồ sơ bổ sung. A partial supplement is recorded (documents merged, items met) and the
   * dossier keeps waiting with its clock stopped; the arrival of the last awaited item restarts the
   * time limit from zero: new legal due date, new promised date, new step due dates.
   */
  async supplementReceived(
    ctx: TransitionContext,
    body: ActionBody<'supplement-received'>,
  ): Promise<TransitionOutcome> {
    const policy = policyOn(SUPPLEMENT_POLICIES, toLocalDate(ctx.dossier.receivedAt));
    const awaited =
      (ctx.dossier.supplementOutstanding as OutstandingItem[] | null) ??
      outstandingOf((ctx.dossier.missing as MissingItem[] | null) ?? []);
    const arrival = applySupplement(awaited, body);
    if (arrival.violations.length > 0)
      throw ruleProblem(RULE_VIOLATED, RULE_VIOLATED_TITLE, arrival.violations);
    const merged = new Map((ctx.dossier.documents as SubmittedDocument[]).map((d) => [d.code, d]));
    for (const doc of withScanExemptions(ctx.dossier.channel as DossierChannel, body.documents))
      merged.set(doc.code, doc);
    const documents = [...merged.values()];
    const received = {
      documents: body.documents,
      items: body.items,
      met: arrival.met.map((m) => m.item),
    };
    if (!arrival.complete) {
      const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, 'supplement_requested', {
        documents,
        supplementOutstanding: arrival.outstanding,
      });
      const eventId = publishDossierEvent(
        ctx.events,
        dossierSupplementPartiallyReceived,
        {
          ...factsOf(dossier, ctx.now),
          portalStatus: 5,
          supplementRequestedAt: dossier.supplementRequestedAt!.toISOString(),
          supplementReceivedAt: ctx.now.toISOString(),
          documents,
          met: arrival.met,
          outstanding: arrival.outstanding,
        },
        dossier,
      );
      return {
        eventId,
        details: {
          policy: policy.id,
          clock: 'suspended',
          partial: true,
          ...received,
          outstanding: arrival.outstanding.map((o) => o.item),
        },
      };
    }
    const limit = ctx.dossier.timeLimit as TimeLimit;
    const schedule = scheduleFrom(ctx.now, limit, ctx.dossier.steps);
    const open = ctx.dossier.steps.filter((s) => s.status !== 'completed');
    for (const step of open) {
      const dueAt = schedule.steps.find((s) => s.order === step.order)!.dueAt;
      await this.dossiers.updateStep(ctx.tx, step, { dueAt });
    }
    // Liên thông: the asking stage restarts, the others pause; the wait is left out of each (ADR 0022).
    const stageClocks = stagesAfterSupplement(
      ctx.dossier.stages ?? [],
      ctx.dossier.supplementRequestedAt ?? ctx.now,
      ctx.now,
      limit,
    );
    for (const stage of stageClocks) {
      await this.dossiers.updateStage(
        ctx.tx,
        { dossierId: ctx.dossier.id, order: stage.order, agencyCode: stage.agencyCode },
        {
          suspendedHours: stage.suspendedHours,
          legalDueAt: stage.legalDueAt,
          clockStartedAt: stage.clockStartedAt,
          clockPauses: stage.clockPauses,
          steps: stage.steps,
          supplementRequestedAt: null,
        },
      );
    }
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      dueAt: schedule.dueAt,
      legalDueAt: schedule.dueAt,
      calendarVersion: schedule.calendarVersion,
      documents,
      missing: Prisma.DbNull,
      supplementOutstanding: Prisma.DbNull,
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierResumed,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        supplementReceivedAt: ctx.now.toISOString(),
        dueDate: schedule.dueAt.toISOString(),
        calendarVersion: schedule.calendarVersion,
        documents,
        workflow: open.map((s) => ({
          order: s.order,
          name: s.name,
          unitCode: s.unitCode,
          dueDate: schedule.steps.find((x) => x.order === s.order)!.dueAt.toISOString(),
        })),
        ...(stageClocks.length > 0
          ? {
              stageClocks: stageClocks.map((c) => ({
                order: c.order,
                agencyCode: c.agencyCode,
                clock: c.clock,
                stageLegalDueDate: c.legalDueAt.toISOString(),
                suspendedWorkingHours: c.suspendedHours,
              })),
            }
          : {}),
      },
      dossier,
    );
    return {
      eventId,
      details: {
        policy: policy.id,
        clock: policy.clockOnCompletion,
        ...(stageClocks.length > 0
          ? {
              stageClocks: stageClocks.map((c) => ({
                order: c.order,
                agencyCode: c.agencyCode,
                clock: c.clock,
                legalDueAt: c.legalDueAt.toISOString(),
              })),
            }
          : {}),
        partial: false,
        ...received,
        newDueAt: schedule.dueAt.toISOString(),
      },
    };
  }

  /**
   * Văn bản xin lỗi và đề nghị gia hạn (form 04): moves the promised date (dueAt) only. The legal
   * due date stays, so a dossier finished after it is late even within the promised date. Whether
   * an apology may be issued now was checked by action-rules.ts; here only the new date is.
   */
  async extend(ctx: TransitionContext, body: ActionBody<'extend'>): Promise<TransitionOutcome> {
    const policy = policyOn(EXTENSION_POLICIES, toLocalDate(ctx.dossier.receivedAt));
    const previous = ctx.dossier.dueAt!;
    const violations = newDueDateViolations({
      currentDueDate: toLocalDate(previous),
      newDueDate: body.newDueDate,
    });
    if (violations.length > 0) throw ruleProblem(RULE_VIOLATED, RULE_VIOLATED_TITLE, violations);
    const dueAt = endOfOfficeDay(body.newDueDate);
    const last = ctx.dossier.steps[ctx.dossier.steps.length - 1];
    await this.dossiers.updateStep(ctx.tx, last, { dueAt });
    // Liên thông: the apologising agency's running stage carries the promised date too (its legal date stays).
    if (ctx.principal.agency && ctx.principal.agency !== ctx.dossier.agencyCode)
      await this.dossiers.promiseOnRunningStages(
        ctx.tx,
        ctx.dossier.id,
        ctx.principal.agency,
        dueAt,
      );
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      dueAt,
      extensionCount: { increment: 1 },
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierExtended,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 4,
        previousDueDate: previous.toISOString(),
        dueDate: dueAt.toISOString(),
        reason: body.reason,
        apologyIssuedBy: ctx.actor,
        apologySlipNumber: body.apologySlipNumber,
      },
      dossier,
    );
    return {
      eventId,
      details: {
        previousDueAt: previous.toISOString(),
        newDueAt: dueAt.toISOString(),
        legalDueAt: dossier.legalDueAt?.toISOString() ?? null,
        reason: body.reason,
        policy: policy.id,
      },
    };
  }
}
