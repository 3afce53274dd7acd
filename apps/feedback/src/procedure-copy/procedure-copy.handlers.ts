import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  procedureAbolished,
  procedureAmended,
  procedurePublished,
  type CloudEvent,
  type EventData,
} from '@motcua/contracts';
import type { InboxContext } from '@motcua/messaging';
import type { FeedbackTx } from '../feedback.database';
import { ProcedureCopyRepository } from './procedure-copy.repository';

/**
 * Keeps the feedback service's copy of the catalog (code, name, domain, in force or abolished):
 * feedback about a procedure names one the agency publishes, and intake never calls the catalog.
 * Versions arrive in order per code (key = code); an older version never overwrites a newer one.
 */
@Controller()
export class ProcedureCopyHandlers {
  constructor(private readonly copies: ProcedureCopyRepository) {}

  @EventPattern(procedurePublished.type)
  async onPublished(
    @Payload() event: CloudEvent<EventData<typeof procedurePublished>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await this.copies.store(ctx.transaction, event.data);
  }

  @EventPattern(procedureAmended.type)
  async onAmended(
    @Payload() event: CloudEvent<EventData<typeof procedureAmended>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await this.copies.store(ctx.transaction, event.data);
  }

  @EventPattern(procedureAbolished.type)
  async onAbolished(
    @Payload() event: CloudEvent<EventData<typeof procedureAbolished>>,
    @Ctx() ctx: InboxContext<FeedbackTx>,
  ): Promise<void> {
    await this.copies.abolish(ctx.transaction, event.data.code, event.data.version);
  }
}
