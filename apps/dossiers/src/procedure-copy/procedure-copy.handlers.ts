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
import type { DossiersDatabase } from '../dossiers.database';

type Tx = Parameters<Parameters<DossiersDatabase['$transaction']>[0]>[0];

/**
 * Keeps the dossier service's copy of the catalog: every version with the dates
 * it is in force, so a dossier is checked against the version in force at receipt.
 */
@Controller()
export class ProcedureCopyHandlers {
  @EventPattern(procedurePublished.type)
  async onPublished(
    @Payload() event: CloudEvent<EventData<typeof procedurePublished>>,
    @Ctx() ctx: InboxContext<Tx>,
  ): Promise<void> {
    await this.storeVersion(event.data, ctx.transaction);
  }

  @EventPattern(procedureAmended.type)
  async onAmended(
    @Payload() event: CloudEvent<EventData<typeof procedureAmended>>,
    @Ctx() ctx: InboxContext<Tx>,
  ): Promise<void> {
    await this.storeVersion(event.data, ctx.transaction);
  }

  @EventPattern(procedureAbolished.type)
  async onAbolished(
    @Payload() event: CloudEvent<EventData<typeof procedureAbolished>>,
    @Ctx() ctx: InboxContext<Tx>,
  ): Promise<void> {
    await ctx.transaction.procedureCopy.updateMany({
      where: { code: event.data.code, effectiveTo: null },
      data: { effectiveTo: new Date(event.data.decision.effectiveFrom) },
    });
  }

  private async storeVersion(version: EventData<typeof procedureAmended>, tx: Tx): Promise<void> {
    const effectiveFrom = new Date(version.decision.effectiveFrom);
    await tx.procedureCopy.updateMany({
      where: { code: version.code, effectiveTo: null, version: { lt: version.version } },
      data: { effectiveTo: effectiveFrom },
    });
    await tx.procedureCopy.upsert({
      where: { code_version: { code: version.code, version: version.version } },
      create: { code: version.code, version: version.version, record: version, effectiveFrom },
      update: { record: version, effectiveFrom },
    });
  }
}
