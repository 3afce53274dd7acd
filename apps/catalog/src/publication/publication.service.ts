import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { procedurePublished, type ProcedureVersion } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import type { CatalogDatabase } from '../catalog.database';
import type { NewProcedureDecision } from './publication.schemas';

type Tx = Parameters<Parameters<CatalogDatabase['$transaction']>[0]>[0];

/** Today's calendar date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Publication decisions are the only way procedures change. A decision in force
 * today is announced at once (procedure.published); a later one waits for its date.
 */
@Injectable()
export class PublicationService {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  publishNew(body: NewProcedureDecision): Promise<ProcedureVersion & { status: string }> {
    return this.uow.run(async (tx, events) => {
      const existing = await tx.procedure.findUnique({ where: { code: body.procedure.code } });
      if (existing) {
        throw new DomainProblem(409, 'procedure-exists', 'The procedure already exists', `Procedure ${body.procedure.code} already exists; amend or replace it instead.`, {
          errors: [{ field: 'procedure.code', rule: 'unique', message: 'a procedure with this code already exists' }],
        });
      }
      const procedureId = randomUUID();
      const record: ProcedureVersion = { ...body.procedure, procedureId, version: 1, decision: body.decision };
      const inForce = body.decision.effectiveFrom <= todayInVietnam();
      await tx.procedure.create({
        data: { id: procedureId, code: record.code, status: inForce ? 'in_force' : 'scheduled', currentVersion: inForce ? 1 : null },
      });
      await tx.procedureVersion.create({
        data: {
          procedureId,
          version: 1,
          record,
          decisionNumber: body.decision.number,
          decisionKind: body.decision.kind,
          signedOn: new Date(body.decision.signedOn),
          effectiveFrom: new Date(body.decision.effectiveFrom),
          announcedAt: inForce ? new Date() : null,
        },
      });
      if (inForce) events.publish(procedurePublished, record);
      return { ...record, status: inForce ? 'in_force' : 'scheduled' };
    });
  }

  async findInForce(db: CatalogDatabase, code: string): Promise<ProcedureVersion | undefined> {
    const procedure = await db.procedure.findUnique({ where: { code } });
    if (!procedure?.currentVersion) return undefined;
    const version = await db.procedureVersion.findUnique({
      where: { procedureId_version: { procedureId: procedure.id, version: procedure.currentVersion } },
    });
    return version?.record as ProcedureVersion | undefined;
  }
}
