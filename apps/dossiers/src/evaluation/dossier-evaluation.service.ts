import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { dossierEvaluated } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { factsOf } from '../dossier/dossier-events';
import type { DossierStatus } from '../dossier/dossier-status';
import { DossierRepository } from '../dossier/dossier.repository';
import { ScopedDossiers } from '../dossier/scoped-dossiers';
import type { DossiersTx } from '../dossiers.database';
import { evaluationViolation } from './evaluation.rules';
import type { EvaluationBody } from './evaluation.schemas';

/** The action-log name of an evaluation (one per dossier; the log is the record, the event goes through the outbox). */
export const EVALUATE_ACTION = 'evaluate';

/** Records the applicant's evaluation of a decided dossier and publishes `motcua.dossier.evaluated` in the same transaction. */
@Injectable()
export class DossierEvaluationService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly dossiers: ScopedDossiers,
    private readonly repository: DossierRepository,
  ) {}

  async evaluate(dossierId: string, body: EvaluationBody, principal: Principal) {
    return this.uow.run(async (tx, events) => {
      const dossier = await this.dossiers.lockVisible(tx, principal, dossierId);
      const now = new Date();
      const citizen =
        principal.roles.includes('citizen') && !principal.roles.includes('desk_officer');
      const previous = await this.repository.countActions(tx, dossierId, EVALUATE_ACTION);
      const violation = evaluationViolation(
        {
          status: dossier.status as DossierStatus,
          createdBy: dossier.createdBy,
          alreadyEvaluated: previous > 0,
          processedAt: dossier.finishedAt,
          evaluatedAt: body.evaluatedAt,
          now,
        },
        principal,
      );
      if (violation) {
        if (violation.status === 403 && citizen)
          throw new DomainProblem(
            404,
            'dossier-not-found',
            'Dossier not found',
            `No dossier ${dossierId}.`,
          );
        throw new DomainProblem(
          violation.status,
          violation.type,
          violation.title,
          violation.message,
          {
            errors: [
              {
                field: violation.field ?? 'dossier',
                rule: violation.rule,
                message: violation.message,
              },
            ],
          },
        );
      }
      const evaluatedAt = body.evaluatedAt ?? now.toISOString();
      const recordedBy = citizen ? 'applicant' : 'desk_officer';
      const event = events.publish(dossierEvaluated, {
        ...factsOf(dossier, now),
        recordedBy,
        ...(citizen ? {} : { recorder: { unitCode: principal.unit ?? 'VP.MC' } }),
        evaluatedAt,
        satisfaction: body.satisfaction,
        officerConduct: body.officerConduct,
        ...(body.agenciesContacted ? { agenciesContacted: body.agenciesContacted } : {}),
        ...(body.publication ? { publication: body.publication } : {}),
      });
      await this.dossiers.logAction(tx, principal, dossier, {
        action: EVALUATE_ACTION,
        fromStatus: dossier.status,
        details: { recordedBy, ...body, evaluatedAt },
        eventId: event.id,
        occurredAt: now,
      });
      return { dossierId, recordedBy, evaluatedAt, eventId: event.id, ...body };
    });
  }
}
