import { Injectable } from '@nestjs/common';
import {
  procedureAbolished,
  procedureAmended,
  procedurePublished,
  type CloudEvent,
  type EventData,
} from '@motcua/contracts';
import { OnEvent } from '@motcua/messaging';
import type { DossiersDatabase } from '../dossiers.database';

type Tx = Parameters<Parameters<DossiersDatabase['$transaction']>[0]>[0];

/**
 * Keeps the dossier service's copy of the catalog: every version with the dates
 * it is in force, so a dossier is checked against the version in force at receipt.
 */
@Injectable()
export class ProcedureCopyHandlers {
  @OnEvent(procedurePublished)
  async onPublished(
    event: CloudEvent<EventData<typeof procedurePublished>>,
    tx: Tx,
  ): Promise<void> {
    await this.storeVersion(event.data, tx);
  }

  @OnEvent(procedureAmended)
  async onAmended(event: CloudEvent<EventData<typeof procedureAmended>>, tx: Tx): Promise<void> {
    await this.storeVersion(event.data, tx);
  }

  @OnEvent(procedureAbolished)
  async onAbolished(
    event: CloudEvent<EventData<typeof procedureAbolished>>,
    tx: Tx,
  ): Promise<void> {
    await tx.procedureCopy.updateMany({
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
