import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import { feedbackReceived } from '@motcua/contracts';
import { UnitOfWork } from '@motcua/messaging';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config';
import type { FeedbackTx } from '../feedback.database';
import { FeedbackCodeService } from '../feedback/feedback-code.service';
import { FeedbackRepository } from '../feedback/feedback.repository';
import type { Feedback } from '../generated/prisma/client';
import { dueDatesAtReceipt } from '../policy/feedback-deadlines';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { ruleProblem } from '@motcua/http';
import { foldVietnamese } from '@motcua/vietnamese';
import { keyedHash, normaliseContact, sha256 } from '../shared/sender-key';
import type { IntakeBody } from './intake.schemas';

export type IntakeSource = { subject: string; unit?: string; clientIp?: string };

export type IntakeOutcome =
  | { merged: false; feedback: Feedback; trackingToken: string }
  | { merged: true; feedback: Feedback };

/**
 * Tiếp nhận phản ánh, kiến nghị: logs an item with its due dates (versioned policy, libs/calendar)
 * and publishes feedback.received in the same transaction. The same submitter's same content
 * within the duplicate window returns the existing item instead (merged).
 */
@Injectable()
export class FeedbackIntakeService {
  constructor(
    private readonly uow: UnitOfWork<FeedbackTx>,
    private readonly feedback: FeedbackRepository,
    private readonly codes: FeedbackCodeService,
    private readonly procedures: ProcedureCopyRepository,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  receive(body: IntakeBody, source: IntakeSource, now = new Date()): Promise<IntakeOutcome> {
    return this.uow.run(async (tx, events) => {
      const contentHash = sha256(foldVietnamese(`${body.title}\n${body.content}`));
      const contact = body.anonymous ? undefined : normaliseContact(body.contact ?? {});
      const senderKey = contact ? keyedHash(contact, this.config.FEEDBACK_KEY_SECRET) : undefined;
      const clientKey = source.clientIp
        ? keyedHash(`ip:${source.clientIp}`, this.config.FEEDBACK_KEY_SECRET)
        : undefined;
      // Concurrent copies of one submission wait for each other here, so only one is stored.
      await this.feedback.lockContent(tx, contentHash);
      const since = new Date(
        now.getTime() - this.config.FEEDBACK_DUPLICATE_WINDOW_MINUTES * 60_000,
      );
      const duplicate = await this.feedback.findRecentDuplicate(
        tx,
        contentHash,
        { senderKey, clientKey },
        since,
      );
      if (duplicate) return { merged: true, feedback: duplicate };

      const procedure = await this.procedureOf(tx, body.subject.procedureCode);
      const due = dueDatesAtReceipt(
        now,
        undefined,
        body.forwarded ? new Date(body.forwarded.latestForwardedAt) : undefined,
      );
      const id = randomUUID();
      const code = await this.codes.next(tx, Number(toLocalDate(now).slice(0, 4)));
      const trackingToken = randomBytes(24).toString('base64url');
      const subject = body.subject;
      const feedback = await this.feedback.create(tx, {
        id,
        code,
        agencyCode: this.config.FEEDBACK_AGENCY_CODE,
        status: 'received',
        channel: body.channel,
        senderType: body.senderType,
        anonymous: body.anonymous,
        contactName: body.contact?.name ?? null,
        contactPhone: body.contact?.phone ?? null,
        contactEmail: body.contact?.email ?? null,
        contactAddress: body.contact?.address ?? null,
        senderKey: senderKey ?? null,
        clientKey: clientKey ?? null,
        subjectKind: subject.kind,
        procedureCode: procedure?.code ?? null,
        procedureVersion: procedure?.version ?? null,
        procedureName: procedure?.name ?? null,
        domainCode: procedure?.domainCode ?? null,
        regulationRef: subject.kind === 'regulation' ? subject.regulation : null,
        conductUnit: subject.kind === 'conduct' ? subject.unit : null,
        title: body.title,
        content: body.content,
        contentHash,
        attachmentIds: body.attachments.map((a) => a.documentId),
        trackingTokenHash: sha256(trackingToken),
        receivedAt: now,
        policyId: due.policyId,
        calendarVersion: due.calendarVersion,
        classifyBy: due.classifyBy,
        firstInfoRequestBy: due.firstInfoRequestBy,
        answerBy: due.answerBy,
        currentStage: 'classify',
        currentDeadline: due.classifyBy,
        responsibleUnit: this.config.FEEDBACK_INTAKE_UNIT,
        createdBy: source.subject,
      });
      const event = events.publish(feedbackReceived, {
        feedbackId: id,
        feedbackCode: code,
        agencyCode: feedback.agencyCode,
        occurredAt: now.toISOString(),
        channel: body.channel,
        senderType: body.senderType,
        ...(senderKey ? { senderKey } : {}),
        ...(procedure ? { procedureCode: procedure.code, domainCode: procedure.domainCode } : {}),
        receivedAt: now.toISOString(),
        dueDates: {
          classifyBy: due.classifyBy.toISOString(),
          firstInfoRequestBy: due.firstInfoRequestBy.toISOString(),
          answerBy: due.answerBy.toISOString(),
        },
        calendarVersion: due.calendarVersion,
      });
      await this.feedback.appendLog(tx, {
        feedbackId: id,
        action: 'receive',
        fromStatus: null,
        toStatus: 'received',
        actorSubject: source.subject,
        actorUnit: source.unit ?? null,
        details: {
          channel: body.channel,
          anonymous: body.anonymous,
          eventId: event.id,
          ...(body.forwarded ? { forwarded: body.forwarded } : {}),
        },
        occurredAt: now,
      });
      return { merged: false, feedback, trackingToken };
    });
  }

  private async procedureOf(tx: FeedbackTx, code: string | undefined) {
    if (!code) return undefined;
    const procedure = await this.procedures.find(tx, code);
    if (!procedure) {
      throw ruleProblem('unknown-procedure', 'The procedure is not in the catalog', [
        {
          field: 'subject.procedureCode',
          rule: 'published-procedure',
          message: `no procedure ${code} has been published by the catalog`,
        },
      ]);
    }
    return procedure;
  }
}
