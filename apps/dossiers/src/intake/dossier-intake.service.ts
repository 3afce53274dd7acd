import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@motcua/calendar';
import type { ProcedureVersion } from '@motcua/contracts';
import { actsOnlyAsOwner, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { DossierRepository } from '../dossier/dossier.repository';
import { dossierView } from '../dossier/dossier.view';
import { hashSecret } from '../dossier/lookup-secret';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';
import { ProcedureCopyCache } from '../procedure-copy/procedure-copy.cache';
import { ProcedureCopyRepository } from '../procedure-copy/procedure-copy.repository';
import { DossierScope } from '../scope/dossier-scope';
import { scheduleFrom } from '../schedule/due-dates';
import { DossierIntakeWriter } from './dossier-intake.writer';
import { IntakeIdempotencyRepository, requestHashOf } from './intake-idempotency.repository';
import { assertIntakeAllowed, assertProcedureAccepts } from './intake.guards';
import { decideIntake } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';

/**
 * Tiếp nhận hồ sơ: the desk check and the decision, then the code, the appointment date and the
 * first events written by DossierIntakeWriter (with the intakes that arrive meanwhile: ADR 0037).
 */
@Injectable()
export class DossierIntakeService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly procedures: ProcedureCopyRepository,
    private readonly procedureCache: ProcedureCopyCache,
    private readonly writer: DossierIntakeWriter,
    private readonly dossiers: DossierRepository,
    private readonly idempotency: IntakeIdempotencyRepository,
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
    const written = await this.writer.write({
      body,
      principal,
      procedure,
      decision,
      schedule: scheduleFrom(receivedAt, procedure.timeLimit, procedure.workflow),
      forwarded,
      receivedAt,
      receivedOn,
      lookupSecret,
      idempotency: idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
    });
    if (!written.procedureInForce) {
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
      dossier: dossierView(written.dossier, { lookupSecret }),
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
