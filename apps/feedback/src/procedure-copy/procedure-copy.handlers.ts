import { Injectable } from '@nestjs/common';
import {
  procedureAbolished,
  procedureAmended,
  procedurePublished,
  type CloudEvent,
  type EventData,
  type ProcedureVersion,
} from '@motcua/contracts';
import { OnEvent } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';

/**
 * Keeps the feedback service's copy of the catalog (code, name, domain, in force or abolished):
 * feedback about a procedure names one the agency publishes, and intake never calls the catalog.
 * Versions arrive in order per code (key = code); an older version never overwrites a newer one.
 */
@Injectable()
export class ProcedureCopyHandlers {
  @OnEvent(procedurePublished)
  async onPublished(
    event: CloudEvent<EventData<typeof procedurePublished>>,
    tx: FeedbackTx,
  ): Promise<void> {
    await this.store(tx, event.data, 'in_force');
  }

  @OnEvent(procedureAmended)
  async onAmended(
    event: CloudEvent<EventData<typeof procedureAmended>>,
    tx: FeedbackTx,
  ): Promise<void> {
    await this.store(tx, event.data, 'in_force');
  }

  @OnEvent(procedureAbolished)
  async onAbolished(
    event: CloudEvent<EventData<typeof procedureAbolished>>,
    tx: FeedbackTx,
  ): Promise<void> {
    await tx.procedureCopy.updateMany({
      where: { code: event.data.code, version: { lte: event.data.version } },
      data: { status: 'abolished', version: event.data.version },
    });
  }

  private async store(tx: FeedbackTx, record: ProcedureVersion, status: 'in_force'): Promise<void> {
    const existing = await tx.procedureCopy.findUnique({ where: { code: record.code } });
    if (existing && existing.version >= record.version) return;
    const data = {
      version: record.version,
      name: record.name,
      domainCode: record.domainCode,
      status,
    };
    await tx.procedureCopy.upsert({
      where: { code: record.code },
      create: { code: record.code, ...data },
      update: data,
    });
  }
}
