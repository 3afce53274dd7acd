import { BaseRpcContext } from '@nestjs/microservices';
import type { SqlTransaction } from '../../sql-client';

/** Where an event came from: its consumer group, topic and type. */
export type InboxDelivery = { group: string; topic: string; type: string };

/**
 * The `@Ctx()` of an `@EventPattern` handler: the transaction in which the consumer records the
 * event (or the run of events) in its inbox. Whatever the handler writes through it commits with
 * the inbox rows, or not at all, so a redelivered event changes nothing.
 *
 *   @EventPattern(procedurePublished.type)
 *   async onPublished(@Payload() event: CloudEvent<…>, @Ctx() ctx: InboxContext<Tx>) {
 *     await ctx.transaction.procedureCopy.upsert(…);
 *   }
 */
export class InboxContext<Tx = SqlTransaction> extends BaseRpcContext<[Tx, InboxDelivery]> {
  get transaction(): Tx {
    return this.args[0];
  }

  getTransaction(): Tx {
    return this.args[0];
  }

  /** The consumer group applying the event (reporting runs one per projection generation). */
  getGroup(): string {
    return this.args[1].group;
  }

  getTopic(): string {
    return this.args[1].topic;
  }

  /** The type of the event, or of the first event of a run. */
  getType(): string {
    return this.args[1].type;
  }
}
