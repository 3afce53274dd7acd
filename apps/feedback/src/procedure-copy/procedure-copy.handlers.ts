import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  procedureAbolished,
  procedureAmended,
  procedurePublished,
  type CloudEvent,
  type EventData,
  type ProcedureVersion,
} from '@motcua/contracts';
import type { InboxContext } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';

/**
 * Keeps the feedback service's copy of the catalog (code, name, domain, in force or abolished):
 * feedback about a procedure names one the agency publishes, and intake never calls the catalog.
 * Versions arrive in order per code (key = code); an older version never overwrites a newer one.
 */
@Controller()
export class ProcedureCopyHandlers {
  @EventPattern(procedurePublished.type)
  async onPublished(
    @Payload() event: CloudEvent<EventData<typeof procedurePublished>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await this.store(ctx.transaction, event.data, 'in_force');
  }

  @EventPattern(procedureAmended.type)
  async onAmended(
    @Payload() event: CloudEvent<EventData<typeof procedureAmended>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await this.store(ctx.transaction, event.data, 'in_force');
  }

  @EventPattern(procedureAbolished.type)
  async onAbolished(
    @Payload() event: CloudEvent<EventData<typeof procedureAbolished>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await ctx.transaction.procedureCopy.updateMany({
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
