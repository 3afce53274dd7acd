import type { SqlTransaction, TransactionalDatabase, TransactionOptions } from '../sql-client';
import { EventSink, localOutboxCommits, OUTBOX_CHANNEL } from './event-sink';

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
  private readonly notifier: OutboxNotifier;

  constructor(private readonly db: TransactionalDatabase<Tx>) {
    this.notifier = new OutboxNotifier(db);
  }

  /**
   * The relay of this service's database runs in this process: while it leads, a commit wakes it
   * directly (`localOutboxCommits`) and no NOTIFY is sent through PostgreSQL (no other relay
   * listens: one leads per database). If it loses the lead, the new leader drains on taking it.
   */
  relayedLocallyBy(relay: { readonly leading: boolean }): void {
    this.notifier.localRelay = relay;
  }

  async run<R>(
    work: (tx: Tx, events: EventSink) => Promise<R>,
    options?: TransactionOptions,
  ): Promise<R> {
    let wroteEvents = false;
    const result = await this.db.$transaction(async (tx) => {
      const sink = new EventSink();
      try {
        const value = await work(tx, sink);
        wroteEvents = sink.size > 0;
        await sink.flush(tx);
        return value;
      } finally {
        sink.close();
      }
    }, options);
    if (wroteEvents) this.notifier.poke();
    return result;
  }

  /**
   * Units of work written as ONE SQL statement, for hot paths (dossier intake, grouped by
   * `GroupCommit`): PostgreSQL runs a single statement atomically, so the state and outbox rows of
   * every unit commit together, in one round trip instead of an interactive transaction's
   * BEGIN … COMMIT. `build` gets one EventSink per unit (`units` of them), publishes each unit's
   * events into its own and returns the statement, which must insert them with `outboxInsertSql`
   * (given `events[i].toJson()`). `via` runs it on another client of the same database (e.g. a
   * plain pg pool). The sinks close before the statement runs.
   */
  async runStatement<Row>(
    units: number,
    build: (events: readonly EventSink[]) => { sql: string; values: unknown[] },
    via: SqlTransaction = this.db,
  ): Promise<Row[]> {
    const sinks = Array.from({ length: units }, () => new EventSink());
    let statement: { sql: string; values: unknown[] };
    try {
      statement = build(sinks);
    } finally {
      for (const sink of sinks) sink.close();
    }
    const rows = await via.$queryRawUnsafe<Row[]>(statement.sql, ...statement.values);
    if (sinks.some((sink) => sink.size > 0)) this.notifier.poke(via);
    return rows;
  }
}

/**
 * Wakes the relay after a commit that wrote outbox rows. NOTIFY is sent on its own, after the
 * commit, and never inside the business transaction: PostgreSQL serialises the commits of
 * notifying transactions on a global lock held across the WAL flush, which capped intakes at a
 * few dozen per second. Pokes that arrive while one is in flight coalesce into one more NOTIFY.
 * A lost poke only delays publication until the relay's idle poll.
 */
class OutboxNotifier {
  private inFlight = false;
  private again = false;
  localRelay?: { readonly leading: boolean };

  constructor(private readonly db: SqlTransaction) {}

  /** `via`: the client the commit ran on (a hot path's plain pg pool is cheaper than Prisma's). */
  poke(via: SqlTransaction = this.db): void {
    localOutboxCommits.emit('commit');
    if (this.localRelay?.leading) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void via
      .$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.again) {
          this.again = false;
          this.poke(via);
        }
      });
  }
}
