import { EventEmitter } from 'node:events';
import { buildEvent, type CloudEvent, type EventContract, type EventData } from '@motcua/contracts';
import { currentContext, currentCorrelationId } from '@motcua/observability';
import type { SqlTransaction } from '../sql-client';

type PendingEvent = { topic: string; key: string; event: CloudEvent };

/** Postgres channel the relay listens on (see OutboxNotifier). */
export const OUTBOX_CHANNEL = 'motcua_outbox';

/**
 * Commits of this process that wrote outbox rows: a relay leading in the same process wakes at
 * once, without waiting for its NOTIFY to come back through PostgreSQL (other processes still
 * get the NOTIFY).
 */
export const localOutboxCommits = new EventEmitter().setMaxListeners(50);

/**
 * Collects the events of one unit of work. It exists only inside
 * `UnitOfWork.run`, and it is closed when the transaction ends, so an event can
 * only ever be published together with the state change that caused it.
 */
export class EventSink {
  private readonly pending: PendingEvent[] = [];
  private open = true;

  publish<C extends EventContract>(
    contract: C,
    data: EventData<C>,
    options: { causationId?: string; time?: Date } = {},
  ): CloudEvent<EventData<C>> {
    if (!this.open) {
      throw new Error(
        `EventSink is closed: ${contract.type} must be published inside its transaction`,
      );
    }
    const context = currentContext();
    const { event, topic, key } = buildEvent(contract, data, {
      correlationId: context?.correlationId ?? currentCorrelationId(),
      causationId: options.causationId ?? context?.causationId,
      traceparent: context?.traceparent,
      time: options.time,
    });
    this.pending.push({ topic, key, event });
    return event;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes the collected events into the outbox table inside the transaction. */
  async flush(tx: SqlTransaction): Promise<void> {
    this.open = false;
    if (this.pending.length === 0) return;
    await tx.$executeRawUnsafe(outboxInsertSql('$1::jsonb'), this.toJson());
  }

  /** The collected events as one JSON array, for a statement built with `outboxInsertSql`. */
  toJson(): string {
    return JSON.stringify(
      this.pending.map(({ topic, key, event }) => ({
        id: event.id,
        topic,
        key,
        type: event.type,
        envelope: event,
      })),
    );
  }

  close(): void {
    this.open = false;
  }
}

/**
 * `INSERT INTO outbox_event …` from a jsonb array made by `EventSink.toJson()`, in array order.
 * `units` lets one statement write the events of several units of work (a group commit): `from`
 * names the rows of the units whose state change happened (the jsonb expression may refer to
 * them), `order` their order; their events are inserted unit after unit, each in array order.
 */
export function outboxInsertSql(
  eventsJsonb: string,
  units?: { from: string; order: string },
): string {
  return `INSERT INTO outbox_event (event_id, topic, event_key, event_type, envelope)
    SELECT (e->>'id')::uuid, e->>'topic', e->>'key', e->>'type', e->'envelope'
    FROM ${units ? `${units.from}, ` : ''}jsonb_array_elements(${eventsJsonb}) WITH ORDINALITY AS o(e, n)
    ORDER BY ${units ? `${units.order}, ` : ''}o.n`;
}
