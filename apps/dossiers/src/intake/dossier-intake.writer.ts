import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  dossierReceived,
  dossierRefused,
  dossierSupplementRequested,
  type ProcedureVersion,
} from '@motcua/contracts';
import type { Principal } from '@motcua/auth';
import { GroupCommit, UnitOfWork, type EventSink } from '@motcua/messaging';
import { DossierCodeService } from '../code/dossier-code.service';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import type { DossierWithSteps } from '../dossier/dossier.repository';
import { hashSecret } from '../dossier/lookup-secret';
import { DossiersDatabase, type DossiersTx } from '../dossiers.database';
import { applicantKeyFor } from '../personal-data/applicant-key';
import type { Schedule } from '../schedule/due-dates';
import {
  INTAKE_STATEMENT,
  intakeRecord,
  intakeStatementInput,
  type IntakeLogEntry,
} from './intake.record';
import type { IntakeDecision } from './intake.rules';
import type { IntakeRequest } from './intake.schemas';

/** An intake checked and decided, ready to be written. */
export type DecidedIntake = {
  body: IntakeRequest;
  principal: Principal;
  procedure: ProcedureVersion;
  decision: IntakeDecision;
  schedule: Schedule;
  /** Received by a centre's desk that does not act for the resolving agency. */
  forwarded: boolean;
  receivedAt: Date;
  receivedOn: string;
  lookupSecret: string;
  idempotency?: { key: string; requestHash: string };
};

export type WrittenIntake = {
  /** False when another request holds the Idempotency-Key or the procedure version went out of force. */
  created: boolean;
  procedureInForce: boolean;
  /** The dossier exactly as written (when `created`). */
  dossier: DossierWithSteps;
};

type QueuedIntake = DecidedIntake & {
  /** Runs a function in the request's own context (its correlation id and trace go into its events). */
  inRequestContext: <R>(fn: () => R) => R;
};

/**
 * Writes intakes by group commit (ADR 0037): the intakes that arrive while a group is being
 * written are written together by the next one — their daily numbers by one upsert, then the
 * dossiers, idempotency claims, log entries and outbox rows by one statement (INTAKE_STATEMENT).
 */
@Injectable()
export class DossierIntakeWriter {
  private readonly commits = new GroupCommit<QueuedIntake, WrittenIntake>((intakes) =>
    this.writeGroup(intakes),
  );

  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly codes: DossierCodeService,
    private readonly db: DossiersDatabase,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  write(intake: DecidedIntake): Promise<WrittenIntake> {
    return this.commits.submit({ ...intake, inRequestContext: AsyncLocalStorage.snapshot() });
  }

  private async writeGroup(intakes: QueuedIntake[]): Promise<WrittenIntake[]> {
    // The numbers are taken in their own short statement, so intakes of one agency and day do not
    // queue on the counter row for a whole transaction; a group that fails after this leaves gaps.
    const codes = await this.codes.next(
      this.db.sql,
      intakes.map(({ procedure, principal, receivedAt }) => ({
        agencies: { resolving: procedure.agencyCode, receiving: principal.agency },
        receivedAt,
      })),
    );
    const now = new Date();
    const dossiers = intakes.map((intake, i) => this.recordOf(intake, codes[i], now));
    const rows = await this.uow.runStatement<{ created: boolean; procedure_in_force: boolean }>(
      intakes.length,
      (events) => ({
        sql: INTAKE_STATEMENT,
        values: [
          `[${intakes
            .map((intake, i) =>
              intake.inRequestContext(() => this.statementInput(intake, dossiers[i], events[i])),
            )
            .join(',')}]`,
        ],
      }),
      this.db.sql,
    );
    return rows.map((row, i) => ({
      created: row.created,
      procedureInForce: row.procedure_in_force,
      dossier: dossiers[i],
    }));
  }

  private recordOf(intake: QueuedIntake, code: string, now: Date): DossierWithSteps {
    const { body, procedure, receivedAt } = intake;
    return intakeRecord({
      dossierId: randomUUID(),
      code,
      body,
      procedure,
      decision: intake.decision,
      schedule: intake.schedule,
      receivedAt,
      principal: intake.principal,
      forwarded: intake.forwarded,
      now,
      applicantKey: applicantKeyFor(body.applicant.personalId, this.config.APPLICANT_KEY_SECRET),
      lookupSecretHash: hashSecret(intake.lookupSecret),
    });
  }

  /** The intake's part of the statement's parameter, its events published into its own sink. */
  private statementInput(
    intake: QueuedIntake,
    dossier: DossierWithSteps,
    events: EventSink,
  ): string {
    const { principal, procedure, decision, receivedAt, schedule } = intake;
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
    const idempotency = intake.idempotency
      ? { callerSubject: principal.subject, ...intake.idempotency }
      : undefined;
    return intakeStatementInput(dossier, intake.receivedOn, log, events.toJson(), idempotency);
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
