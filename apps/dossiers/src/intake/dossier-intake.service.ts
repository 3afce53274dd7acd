import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import {
  dossierReceived,
  dossierRefused,
  dossierSupplementRequested,
  type ProcedureVersion,
} from '@motcua/contracts';
import { actsOnlyAsOwner, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork, type EventSink } from '@motcua/messaging';
import { DossierCodeService } from '../code/dossier-code.service';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { DossierRepository, type DossierWithSteps } from '../dossier/dossier.repository';
import { dossierView } from '../dossier/dossier.view';
import { hashSecret } from '../dossier/lookup-secret';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';
import { applicantKeyFor } from '../personal-data/applicant-key';
import { ProcedureCopyCache } from '../procedure-copy/procedure-copy.cache';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { DossierScope } from '../scope/dossier-scope';
import { scheduleFrom, type Schedule } from '../schedule/due-dates';
import { IntakeIdempotencyRepository, requestHashOf } from './intake-idempotency.repository';
import { assertIntakeAllowed, assertProcedureAccepts } from './intake.guards';
import {
  INTAKE_STATEMENT,
  intakeRecord,
  intakeStatementInput,
  type IntakeLogEntry,
} from './intake.record';
import { decideIntake, type IntakeDecision } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';

/** Tiếp nhận hồ sơ: the desk check, the code, the appointment date and the first events, in one statement. */
@Injectable()
export class DossierIntakeService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly procedures: ProcedureCopyRepository,
    private readonly procedureCache: ProcedureCopyCache,
    private readonly codes: DossierCodeService,
    private readonly dossiers: DossierRepository,
    private readonly idempotency: IntakeIdempotencyRepository,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
    private readonly db: DossiersDatabase,
    private readonly scope: DossierScope,
  ) {}

  async receive(body: IntakeRequest, principal: Principal, idempotencyKey?: string) {
    assertIntakeAllowed(body, principal);
    const lookupSecret = randomBytes(12).toString('base64url');
    // Only a request with a key is compared with an earlier one (its hash is stored with the key).
    const requestHash = idempotencyKey ? requestHashOf(body) : '';
    if (idempotencyKey) {
      const earlier = await this.idempotency.find(this.db.sql, principal.subject, idempotencyKey);
      if (earlier) {
        const claim = {
          dossierId: earlier.dossierId,
          sameRequest: earlier.requestHash === requestHash,
        };
        return this.uow
          .run((tx) => this.replay(tx, claim, lookupSecret), INTAKE_TRANSACTION)
          .catch(busyAsProblem);
      }
    }
    // A cached procedure version that went out of force meanwhile makes the statement write
    // nothing: look it up again and retry (the number taken for the first try stays a gap).
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(body, principal, {
        idempotencyKey,
        requestHash,
        lookupSecret,
        useCache: attempt === 1,
      });
      if (result !== 'procedure-changed') return result;
      if (attempt === 3)
        throw new DomainProblem(
          503,
          'busy',
          'The service is busy',
          'The procedure is being updated; retry with the same Idempotency-Key.',
          { retryAfter: 1 },
        );
    }
  }

  private async attempt(
    body: IntakeRequest,
    principal: Principal,
    request: {
      idempotencyKey?: string;
      requestHash: string;
      lookupSecret: string;
      useCache: boolean;
    },
  ) {
    const { idempotencyKey, requestHash, lookupSecret } = request;
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : new Date();
    const receivedOn = toLocalDate(receivedAt);
    const procedure = await this.procedureInForce(body, receivedOn, request.useCache);
    // An officer receives for their agency (and those their centre receives for), a centre's desk
    // for any agency (forwarded: receipt regardless of boundaries); applicants for themselves.
    const { forwarded } = actsOnlyAsOwner(principal)
      ? { forwarded: false }
      : await this.scope.receivingRoute(principal, procedure.agencyCode);
    const decision = decideIntake({
      procedure,
      applicantType: body.applicant.type,
      documents: body.documents,
      refusalReasons: body.refusalReasons,
    });
    // The number is taken in its own short statement, so intakes of one agency and day do not
    // queue on the counter row for a whole transaction; an intake that fails after this leaves a gap.
    const code = await this.codes.next(
      this.db.sql,
      { resolving: procedure.agencyCode, receiving: principal.agency },
      receivedAt,
    );
    const schedule = scheduleFrom(receivedAt, procedure.timeLimit, procedure.workflow);
    const dossier = intakeRecord({
      dossierId: randomUUID(),
      code,
      body,
      procedure,
      decision,
      schedule,
      receivedAt,
      principal,
      forwarded,
      now: new Date(),
      applicantKey: applicantKeyFor(body.applicant.personalId, this.config.APPLICANT_KEY_SECRET),
      lookupSecretHash: hashSecret(lookupSecret),
    });
    const [written] = await this.uow.runStatement<{
      created: boolean;
      procedure_in_force: boolean;
    }>((events) => {
      const receivedBy = { unitCode: principal.unit ?? procedure.workflow[0].unitCode };
      const eventId = this.publish(
        events,
        decision,
        factsOf(dossier, receivedAt),
        dossier,
        receivedBy,
        procedure,
        schedule,
      );
      const log: IntakeLogEntry = {
        action: 'intake',
        toStatus: dossier.status,
        portalStatus: dossier.portalStatus,
        actorSubject: principal.subject,
        actorRoles: principal.roles,
        actorUnit: principal.unit ?? null,
        details: decision,
        eventId,
        occurredAt: receivedAt,
      };
      const idempotency = idempotencyKey
        ? { callerSubject: principal.subject, key: idempotencyKey, requestHash }
        : undefined;
      return {
        sql: INTAKE_STATEMENT,
        values: [intakeStatementInput(dossier, receivedOn, log, events.toJson(), idempotency)],
      };
    }, this.db.sql);
    if (!written.procedure_in_force) {
      this.procedureCache.evict(body.procedureCode, receivedOn);
      return 'procedure-changed' as const;
    }
    if (!written.created) {
      // Another request with this key committed first: answer with its dossier.
      const earlier = await this.idempotency.find(this.db.sql, principal.subject, idempotencyKey!);
      const claim = {
        dossierId: earlier!.dossierId,
        sameRequest: earlier!.requestHash === requestHash,
      };
      return this.uow
        .run((tx) => this.replay(tx, claim, lookupSecret), INTAKE_TRANSACTION)
        .catch(busyAsProblem);
    }
    return {
      outcome: decision.outcome,
      replayed: false,
      dossier: dossierView(dossier, { lookupSecret }),
    };
  }

  /** The desk check against the version in force at receipt (reads only; no lock is taken). */
  private async procedureInForce(
    body: IntakeRequest,
    receivedOn: string,
    useCache: boolean,
  ): Promise<ProcedureVersion> {
    const cached = useCache ? this.procedureCache.get(body.procedureCode, receivedOn) : undefined;
    const procedure = assertProcedureAccepts(
      cached
        ? { found: 'in_force', version: cached }
        : await this.procedures.inForceOn(this.db.sql, body.procedureCode, receivedOn),
      body,
    );
    if (!cached) this.procedureCache.set(body.procedureCode, receivedOn, procedure);
    return procedure;
  }

  /** Same key, same body: the same dossier; a fresh lookup secret replaces the one the caller may have lost. */
  private async replay(
    tx: DossiersTx,
    claim: { dossierId: string; sameRequest: boolean },
    lookupSecret: string,
  ) {
    if (!claim.sameRequest) {
      throw new DomainProblem(
        422,
        'idempotency-key-reused',
        'Idempotency-Key reused with a different request',
        'This Idempotency-Key was already used by you for a different request body.',
        {
          errors: [
            {
              field: 'header.Idempotency-Key',
              rule: 'same-request',
              message: 'a key may only be retried with the same body',
            },
          ],
        },
      );
    }
    await this.dossiers.setLookupSecretHash(tx, claim.dossierId, hashSecret(lookupSecret));
    const dossier = await this.dossiers.findWithSteps(tx, { id: claim.dossierId });
    const outcome = (
      {
        received: 'received',
        intake_supplement: 'supplement_requested',
        not_received: 'refused',
      } as Record<string, string>
    )[(await this.dossiers.firstLog(tx, claim.dossierId, 'intake')).toStatus];
    return { outcome, replayed: true, dossier: dossierView(dossier!, { lookupSecret }) };
  }

  private publish(
    events: EventSink,
    decision: IntakeDecision,
    facts: ReturnType<typeof factsOf>,
    dossier: DossierWithSteps,
    receivedBy: { unitCode: string },
    procedure: ProcedureVersion,
    schedule: Schedule,
  ): string {
    const organisationName = dossier.organisationName ?? undefined;
    switch (decision.outcome) {
      case 'received': {
        return publishDossierEvent(
          events,
          dossierReceived,
          {
            ...facts,
            portalStatus: 2,
            receivedAt: facts.receivedAt!,
            dueDate: facts.dueDate!,
            organisationName,
            receivedBy,
            documents: dossier.documents as never,
            timeLimit: procedure.timeLimit,
            calendarVersion: schedule.calendarVersion,
            populationDataUsed: false,
            ...receiptOf(dossier),
            workflow: schedule.steps.map((s) => ({
              order: s.order,
              name: s.name,
              unitCode: s.unitCode,
              dueDate: s.dueAt.toISOString(),
            })),
          },
          dossier,
        );
      }
      case 'supplement_requested':
        return publishDossierEvent(
          events,
          dossierSupplementRequested,
          {
            ...facts,
            portalStatus: 5,
            supplementRequestedAt: facts.occurredAt,
            stage: 'intake',
            requestedBy: receivedBy,
            missing: decision.missing,
          },
          dossier,
        );
      case 'refused':
        return publishDossierEvent(
          events,
          dossierRefused,
          {
            ...facts,
            portalStatus: 3,
            stage: 'intake',
            reasons: decision.reasons,
            refusedBy: receivedBy,
          },
          dossier,
        );
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
    throw new DomainProblem(
      503,
      'busy',
      'The service is busy',
      'Too many intakes at once; retry with the same Idempotency-Key.',
      { retryAfter: 1 },
    );
  }
  throw error;
}

/** Receipt at any desk: the receiving desk when not the resolving agency's own, forwarding, return place. */
function receiptOf(dossier: DossierWithSteps) {
  const receiving = dossier.receivingAgencyCode;
  return {
    ...(receiving && receiving !== dossier.agencyCode ? { receivingAgencyCode: receiving } : {}),
    ...(dossier.forwardedAt ? { forwarded: true } : {}),
    ...(dossier.resultReturnPlace
      ? {
          resultReturnPlace: dossier.resultReturnPlace as
            'receiving_desk' | 'resolving_agency' | 'post',
        }
      : {}),
  };
}
