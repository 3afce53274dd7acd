import { Injectable } from '@nestjs/common';
import { storeAgencyTree } from '@motcua/auth';
import { agencyTreePublished, type CloudEvent, type EventData } from '@motcua/contracts';
import type { SqlTransaction } from '../sql-client';
import { OnEvent } from './on-event.decorator';

/**
 * The one projection of the agency tree (`catalog.agency.v1`) into a service's `agency_tree_copy`
 * table: a service that decides scope lists this provider and includes the table's migration.
 */
@Injectable()
export class AgencyTreeCopy {
  @OnEvent(agencyTreePublished)
  async onPublished(
    event: CloudEvent<EventData<typeof agencyTreePublished>>,
    tx: SqlTransaction,
  ): Promise<void> {
    await storeAgencyTree(tx, event.data);
  }
}
