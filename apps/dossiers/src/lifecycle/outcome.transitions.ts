import { Injectable } from '@nestjs/common';
import {
  dossierProcessed,
  dossierRefused,
  dossierResultReturned,
  dossierStopped,
  dossierWithdrawn,
} from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { DossierRepository } from '../dossier/dossier.repository';
import type { ActionBody } from './lifecycle.schemas';
import { type TransitionContext, type TransitionOutcome } from './transition.context';

/** The stop notice: Circular 03/2025 form 05 (Thông báo dừng giải quyết hồ sơ). */
export const STOP_NOTICE_FORM = '05';
const STOP_AT_REQUEST_BASIS =
  'Decree 118/2025/NĐ-CP Art. 21(1)-(2); Circular 03/2025/TT-VPCP Art. 7';

/** A stop finishes the dossier now, or when the clock stopped for a supplement request. */
function finishOfStop(ctx: TransitionContext): Date {
  const clockStoppedAt =
    ctx.dossier.status === 'supplement_requested' ? ctx.dossier.supplementRequestedAt : null;
  return ctx.dossier.finishedAt ?? clockStoppedAt ?? ctx.now;
}

/** How a received dossier ends: refused, processed, result returned, withdrawn, stopped. */
@Injectable()
export class OutcomeTransitions {
  constructor(private readonly dossiers: DossierRepository) {}

  async refuse(ctx: TransitionContext, body: ActionBody<'refuse'>): Promise<TransitionOutcome> {
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      refusalReasons: body.reasons,
      finishedAt: ctx.dossier.finishedAt ?? ctx.now,
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierRefused,
      {
        ...factsOf(dossier, ctx.now),
        stage: 'processing',
        reasons: body.reasons,
        refusedBy: ctx.actor,
      },
      dossier,
    );
    return { eventId, details: { reasons: body.reasons } };
  }

  /** Processing finished: every step but the last (trả kết quả) is complete; the last becomes active. */
  async markProcessed(
    ctx: TransitionContext,
    body: ActionBody<'mark-processed'>,
  ): Promise<TransitionOutcome> {
    const last = ctx.dossier.steps[ctx.dossier.steps.length - 1];
    await this.dossiers.completeOpenSteps(ctx.tx, ctx.dossier.id, ctx.now, last.order);
    await this.dossiers.updateStep(ctx.tx, last, { status: 'active', startedAt: ctx.now });
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      currentStepOrder: last.order,
      finishedAt: ctx.dossier.finishedAt ?? ctx.now,
    });
    const resultType = body.resultType ?? 'document';
    const eventId = publishDossierEvent(
      ctx.events,
      dossierProcessed,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 9,
        dueDate: dossier.dueAt!.toISOString(),
        processedBy: ctx.actor,
        resultType,
        electronicResult: body.electronicResult,
      },
      dossier,
    );
    return { eventId, details: { resultType, electronicResult: body.electronicResult } };
  }

  async returnResult(
    ctx: TransitionContext,
    body: ActionBody<'return-result'>,
  ): Promise<TransitionOutcome> {
    await this.dossiers.completeOpenSteps(ctx.tx, ctx.dossier.id, ctx.now);
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      returnedAt: ctx.now,
      currentStepOrder: null,
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierResultReturned,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 10,
        returnedAt: ctx.now.toISOString(),
        dueDate: dossier.dueAt!.toISOString(),
        method: body.method,
        returnedBy: ctx.actor,
      },
      dossier,
    );
    return { eventId, details: { method: body.method } };
  }

  /** Rút hồ sơ: a citizen may withdraw only a dossier they submitted themselves. */
  async withdraw(ctx: TransitionContext, body: ActionBody<'withdraw'>): Promise<TransitionOutcome> {
    const isCitizenOnly = ctx.principal.roles.every((r) => r === 'citizen');
    if (isCitizenOnly && ctx.dossier.createdBy !== ctx.principal.subject) {
      throw new DomainProblem(
        403,
        'not-your-dossier',
        'Only the applicant may withdraw this dossier',
        'A citizen may withdraw only a dossier they submitted.',
      );
    }
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      currentStepOrder: null,
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierWithdrawn,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 7,
        requestedAt: ctx.now.toISOString(),
        reason: body.reason,
      },
      dossier,
    );
    return { eventId, details: { reason: body.reason } };
  }

  /** Dừng xử lý by the agency. While a supplement is awaited the agency's clock is stopped: that instant is the finish. */
  async stop(ctx: TransitionContext, body: ActionBody<'stop'>): Promise<TransitionOutcome> {
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      currentStepOrder: null,
      finishedAt: finishOfStop(ctx),
    });
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStopped,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 8,
        reason: body.reason,
        stoppedBy: ctx.actor,
        legalBasis: body.legalBasis,
        initiator: 'agency',
      },
      dossier,
    );
    return {
      eventId,
      details: { reason: body.reason, legalBasis: body.legalBasis, initiator: 'agency' },
    };
  }

  /**
   * Dừng giải quyết theo đề nghị của người nộp hồ sơ (Decree 118/2025 Art. 21(1)-(2), Circular
   * 03/2025 Art. 7): the desk checked that no decision or result notice exists (action-rules.ts)
   * and issues the stop notice, form 05. Portal status 8, unlike a withdrawal (7).
   */
  async stopAtRequest(
    ctx: TransitionContext,
    body: ActionBody<'stop-at-request'>,
  ): Promise<TransitionOutcome> {
    const dossier = await this.dossiers.moveTo(ctx.tx, ctx.dossier.id, ctx.to, {
      currentStepOrder: null,
      finishedAt: finishOfStop(ctx),
    });
    const reason = body.reason ?? 'Theo đề nghị của người nộp hồ sơ';
    const notice = {
      form: STOP_NOTICE_FORM,
      ...(body.noticeNumber ? { number: body.noticeNumber } : {}),
    };
    const eventId = publishDossierEvent(
      ctx.events,
      dossierStopped,
      {
        ...factsOf(dossier, ctx.now),
        portalStatus: 8,
        reason,
        stoppedBy: ctx.actor,
        legalBasis: STOP_AT_REQUEST_BASIS,
        initiator: 'applicant',
        requestChannel: body.requestChannel,
        notice,
      },
      dossier,
    );
    return {
      eventId,
      details: {
        reason,
        initiator: 'applicant',
        requestChannel: body.requestChannel,
        notice,
        legalBasis: STOP_AT_REQUEST_BASIS,
      },
    };
  }
}
