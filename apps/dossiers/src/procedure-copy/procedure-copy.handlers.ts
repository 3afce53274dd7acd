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
import type { DossiersTx } from '../dossiers.database';
import { ProcedureCopyRepository } from './procedure-copy.repository';

/**
 * Keeps the dossier service's copy of the catalog: every version with the dates
 * it is in force, so a dossier is checked against the version in force at receipt.
 */
@Controller()
export class ProcedureCopyHandlers {
  constructor(private readonly procedures: ProcedureCopyRepository) {}

  @EventPattern(procedurePublished.type)
  async onPublished(
    @Payload() event: CloudEvent<EventData<typeof procedurePublished>>,
    @Ctx() ctx: InboxContext<DossiersTx>,
  ): Promise<void> {
    await this.procedures.storeVersion(ctx.transaction, event.data);
  }

  @EventPattern(procedureAmended.type)
  async onAmended(
    @Payload() event: CloudEvent<EventData<typeof procedureAmended>>,
    @Ctx() ctx: InboxContext<DossiersTx>,
  ): Promise<void> {
    await this.procedures.storeVersion(ctx.transaction, event.data);
  }

  @EventPattern(procedureAbolished.type)
  async onAbolished(
    @Payload() event: CloudEvent<EventData<typeof procedureAbolished>>,
    @Ctx() ctx: InboxContext<DossiersTx>,
  ): Promise<void> {
    await this.procedures.abolish(
      ctx.transaction,
      event.data.code,
      event.data.decision.effectiveFrom,
    );
  }
}
