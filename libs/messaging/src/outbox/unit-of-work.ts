import type { SqlTransaction, TransactionalDatabase, TransactionOptions } from '../sql-client';
import { EventSink } from './event-sink';

/**
 * The only way a service changes state and publishes events: both happen in one
 * database transaction. Either everything commits (state and outbox rows) or nothing.
 *
 *   await uow.run(async (tx, events) => {
 *     await tx.dossier.create(...);
 *     events.publish(dossierReceived, {...});
 *   });
 */
export class UnitOfWork<Tx extends SqlTransaction> {
  constructor(private readonly db: TransactionalDatabase<Tx>) {}

  run<R>(work: (tx: Tx, events: EventSink) => Promise<R>, options?: TransactionOptions): Promise<R> {
    return this.db.$transaction(async (tx) => {
      const sink = new EventSink();
      try {
        const result = await work(tx, sink);
        await sink.flush(tx);
        return result;
      } finally {
        sink.close();
      }
    }, options);
  }
}
