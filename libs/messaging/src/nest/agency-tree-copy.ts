import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { storeAgencyTree } from '@motcua/auth';
import { agencyTreePublished, type CloudEvent, type EventData } from '@motcua/contracts';
import type { SqlTransaction } from '../sql-client';
import type { InboxContext } from './transport/inbox-context';

/**
 * The one projection of the agency tree (`catalog.agency.v1`) into a service's `agency_tree_copy`
 * table: a service that decides scope lists this controller and includes the table's migration.
 */
@Controller()
export class AgencyTreeCopy {
  @EventPattern(agencyTreePublished.type)
  async onPublished(
    @Payload() event: CloudEvent<EventData<typeof agencyTreePublished>>,
    @Ctx() ctx: InboxContext<SqlTransaction>,
  ): Promise<void> {
    await storeAgencyTree(ctx.transaction, event.data);
  }
}
