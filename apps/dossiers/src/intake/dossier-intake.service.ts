import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import { dossierReceived, dossierRefused, dossierSupplementRequested, type ProcedureVersion } from '@motcua/contracts';
import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { DossierCodeService } from '../code/dossier-code.service';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { PORTAL_STATUS_OF, type DossierStatus } from '../dossier/dossier-status';
import { DossierRepository } from '../dossier/dossier.repository';
import { dossierView } from '../dossier/dossier.view';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';
import { applicantKeyFor } from '../personal-data/applicant-key';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { scheduleFrom } from '../schedule/due-dates';
import { IntakeIdempotencyRepository, requestHashOf } from './intake-idempotency.repository';
import { assertIntakeAllowed, assertProcedureAccepts } from './intake.guards';
import { decideIntake, type IntakeDecision } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';

const STATUS_OF_OUTCOME: Record<IntakeDecision['outcome'], DossierStatus> = {
  received: 'received',
  supplement_requested: 'intake_supplement',
  refused: 'not_received',
};

/** Tiếp nhận hồ sơ: the desk check, the code, the appointment date and the first events, in one transaction. */
@Injectable()
export class DossierIntakeService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly procedures: ProcedureCopyRepository,
    private readonly codes: DossierCodeService,
    private readonly dossiers: DossierRepository,
    private readonly idempotency: IntakeIdempotencyRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
    private readonly db: DossiersDatabase,
  ) {}

  async receive(body: IntakeRequest, principal: Principal, idempotencyKey?: string) {
    assertIntakeAllowed(body, principal);
    const dossierId = randomUUID();
    const lookupSecret = randomBytes(12).toString('base64url');
    const requestHash = requestHashOf(body);
    if (idempotencyKey) {
      const earlier = await this.idempotency.find(this.db, principal.subject, idempotencyKey);
      if (earlier) {
        const claim = { dossierId: earlier.dossierId, sameRequest: earlier.requestHash === requestHash };
        return this.uow.run((tx) => this.replay(tx, claim, lookupSecret), INTAKE_TRANSACTION).catch(busyAsProblem);
      }
    }
    // The desk check reads only: it runs before any lock is taken.
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : new Date();
    const lookup = await this.procedures.inForceOn(this.db, body.procedureCode, toLocalDate(receivedAt));
    const procedure = assertProcedureAccepts(lookup, body);
    const decision = decideIntake({
      procedure,
      applicantType: body.applicant.type,
      documents: body.documents,
      refusalReasons: body.refusalReasons,
    });
    // The number is taken in its own short statement, so intakes of one agency and day do not
    // queue on the counter row for a whole transaction; an intake that fails after this leaves a gap.
    const code = await this.codes.next(this.db, procedure.agencyCode, receivedAt);
    return this.uow.run(async (tx, events) => {
      if (idempotencyKey) {
        const claim = await this.idempotency.claim(tx, principal.subject, idempotencyKey, requestHash, dossierId);
        if (!claim.claimed) return this.replay(tx, claim, lookupSecret);
      }
      const dossier = await this.create(tx, { dossierId, code, body, procedure, decision, receivedAt, principal, lookupSecret });
      const receivedBy = { unitCode: principal.unit ?? procedure.workflow[0].unitCode };
      const facts = factsOf(dossier, receivedAt);
      const eventId = this.publish(events, decision, facts, dossier, receivedBy, procedure);
      await this.dossiers.appendLog(tx, {
        dossierId,
        action: 'intake',
        fromStatus: null,
        toStatus: dossier.status,
        portalStatus: dossier.portalStatus,
        actorSubject: principal.subject,
        actorRoles: principal.roles,
        actorUnit: principal.unit ?? null,
        details: decision,
        eventId,
        occurredAt: receivedAt,
      });
      return { outcome: decision.outcome, replayed: false, dossier: dossierView(dossier, { lookupSecret }) };
    }, INTAKE_TRANSACTION).catch(busyAsProblem);
  }

  /** Same key, same body: the same dossier; a fresh lookup secret replaces the one the caller may have lost. */
  private async replay(tx: DossiersTx, claim: { dossierId: string; sameRequest: boolean }, lookupSecret: string) {
    if (!claim.sameRequest) {
      throw new DomainProblem(422, 'idempotency-key-reused', 'Idempotency-Key reused with a different request',
        'This Idempotency-Key was already used by you for a different request body.',
        { errors: [{ field: 'header.Idempotency-Key', rule: 'same-request', message: 'a key may only be retried with the same body' }] });
    }
    await tx.dossier.update({ where: { id: claim.dossierId }, data: { lookupSecretHash: hashSecret(lookupSecret) } });
    const dossier = await this.dossiers.findWithSteps(tx, { id: claim.dossierId });
    const outcome = ({ received: 'received', intake_supplement: 'supplement_requested', not_received: 'refused' } as Record<string, string>)[
      (await tx.dossierActionLog.findFirstOrThrow({ where: { dossierId: claim.dossierId, action: 'intake' } })).toStatus
    ];
    return { outcome, replayed: true, dossier: dossierView(dossier!, { lookupSecret }) };
  }

  private async create(tx: DossiersTx, input: {
    dossierId: string; code: string; body: IntakeRequest; procedure: ProcedureVersion; decision: IntakeDecision;
    receivedAt: Date; principal: Principal; lookupSecret: string;
  }) {
    const { dossierId, code, body, procedure, decision, receivedAt, principal } = input;
    const status = STATUS_OF_OUTCOME[decision.outcome];
    const schedule = scheduleFrom(receivedAt, procedure.timeLimit, procedure.workflow);
    const received = decision.outcome === 'received';
    const created = await tx.dossier.create({
      include: { steps: { orderBy: { order: 'asc' } } },
      data: {
        id: dossierId,
        code,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        agencyCode: procedure.agencyCode,
        domainCode: procedure.domainCode,
        channel: body.channel,
        applicantType: body.applicant.type,
        applicantIdentifier: body.applicant.personalId,
        applicantKey: applicantKeyFor(body.applicant.personalId, this.config.APPLICANT_KEY_SECRET),
        applicantName: body.applicant.name,
        organisationName: body.applicant.organisationName,
        status,
        portalStatus: PORTAL_STATUS_OF[status],
        documents: body.documents,
        missing: decision.outcome === 'supplement_requested' ? decision.missing : undefined,
        refusalReasons: decision.outcome === 'refused' ? decision.reasons : undefined,
        timeLimit: procedure.timeLimit,
        receivedAt,
        dueAt: received ? schedule.dueAt : null,
        originalDueAt: received ? schedule.dueAt : null,
        calendarVersion: schedule.calendarVersion,
        receiptPolicyId: schedule.policyId,
        currentStepOrder: received ? schedule.steps[0].order : null,
        supplementRequestedAt: decision.outcome === 'supplement_requested' ? receivedAt : null,
        finishedAt: null,
        lookupSecretHash: hashSecret(input.lookupSecret),
        createdBy: principal.subject,
        isDemo: body.receivedAt !== undefined,
        steps: received
          ? { create: schedule.steps.map((s, i) => ({
              order: s.order, name: s.name, unitCode: s.unitCode, unitName: s.unitName, share: s.share, dueAt: s.dueAt,
              status: i === 0 ? 'active' : 'pending', startedAt: i === 0 ? receivedAt : null,
            })) }
          : undefined,
      },
    });
    return created;
  }

  private publish(
    events: Parameters<Parameters<UnitOfWork<DossiersTx>['run']>[0]>[1],
    decision: IntakeDecision,
    facts: ReturnType<typeof factsOf>,
    dossier: Awaited<ReturnType<DossierIntakeService['create']>>,
    receivedBy: { unitCode: string },
    procedure: ProcedureVersion,
  ): string {
    const organisationName = dossier.organisationName ?? undefined;
    switch (decision.outcome) {
      case 'received': {
        const schedule = scheduleFrom(dossier.receivedAt, procedure.timeLimit, procedure.workflow);
        return publishDossierEvent(events, dossierReceived, {
          ...facts, portalStatus: 2, receivedAt: facts.receivedAt!, dueDate: facts.dueDate!, organisationName,
          receivedBy, documents: dossier.documents as never, timeLimit: procedure.timeLimit,
          calendarVersion: schedule.calendarVersion, populationDataUsed: false,
          workflow: schedule.steps.map((s) => ({ order: s.order, name: s.name, unitCode: s.unitCode, dueDate: s.dueAt.toISOString() })),
        }, dossier);
      }
      case 'supplement_requested':
        return publishDossierEvent(events, dossierSupplementRequested, {
          ...facts, portalStatus: 5, supplementRequestedAt: facts.occurredAt, stage: 'intake', requestedBy: receivedBy,
          missing: decision.missing,
        }, dossier);
      case 'refused':
        return publishDossierEvent(events, dossierRefused, {
          ...facts, portalStatus: 3, stage: 'intake', reasons: decision.reasons, refusedBy: receivedBy,
        }, dossier);
      default: {
        const unreachable: never = decision;
        throw new Error(`unknown outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/** Under load an intake may wait for a pooled connection. */
const INTAKE_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/** A saturated connection pool is a temporary condition (503), not an internal error. */
function busyAsProblem(error: unknown): never {
  if ((error as { code?: string }).code === 'P2028') {
    throw new DomainProblem(503, 'busy', 'The service is busy', 'Too many intakes at once; retry with the same Idempotency-Key.', { retryAfter: 1 });
  }
  throw error;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
