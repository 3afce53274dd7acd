import type { KafkaMessage } from 'kafkajs';
import type { CloudEvent } from '@motcua/contracts';
import { runWithContext, SpanKind, startWorkSpan } from '@motcua/observability';
import type { SqlTransaction, TransactionalDatabase } from '../sql-client';
import type { Subscription } from './subscriptions';

/** Where a message came from: what a dead letter needs. */
export type Delivery = { topic: string; partition: number; message: KafkaMessage };
/** A message checked against its contract, ready for its handler. */
export type Applicable<Tx> = {
  delivery: Delivery;
  event: CloudEvent;
  subscription: Subscription<Tx>;
};

export const contextOf = (event: CloudEvent) => ({
  correlationId: event.correlationid,
  causationId: event.id,
  traceparent: event.traceparent,
});

/**
 * Runs a handler over `events` in the request context of the first one, and, with tracing on, in
 * a consumer span: child of the first event's traceparent (the request or handler that published
 * it), linked to the others of a batch; what the handler publishes carries the span on.
 */
export async function inConsumerSpan<T>(
  groupId: string,
  topic: string,
  events: CloudEvent[],
  work: () => Promise<T>,
): Promise<T> {
  const [first] = events;
  const span = startWorkSpan(
    `process ${first.type}`,
    SpanKind.CONSUMER,
    first.traceparent,
    {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': groupId,
      'messaging.message.id': first.id,
      'messaging.batch.message_count': events.length,
    },
    events.slice(1).map((e) => e.traceparent),
  );
  try {
    const result = await runWithContext(
      { ...contextOf(first), traceparent: span.traceparent },
      work,
    );
    span.end();
    return result;
  } catch (error) {
    span.end(error);
    throw error;
  }
}

/**
 * Inbox rows for the whole chunk in one statement, then the new events in order: each to its
 * handler, or consecutive ones sharing a batch handler to it together.
 */
export function applyTogether<Tx extends SqlTransaction>(
  db: TransactionalDatabase<Tx>,
  groupId: string,
  chunk: Applicable<Tx>[],
): Promise<boolean[]> {
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$queryRawUnsafe<{ event_id: string }[]>(
        `INSERT INTO inbox_event (consumer_group, event_id, event_type)
       SELECT $1, e->>'id', e->>'type' FROM jsonb_array_elements($2::jsonb) AS e
       ON CONFLICT DO NOTHING RETURNING event_id`,
        groupId,
        JSON.stringify(chunk.map(({ event }) => ({ id: event.id, type: event.type }))),
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      // The same event twice in one chunk (a re-published outbox row): the first one counts.
      const applied = chunk.map(({ event }) => fresh.delete(event.id));
      let run: Applicable<Tx>[] = [];
      const flushRun = async () => {
        if (run.length === 0) return;
        const [first] = run;
        const events = run.map((item) => item.event as CloudEvent<never>);
        run = [];
        await inConsumerSpan(groupId, first.delivery.topic, events, () =>
          first.subscription.batch
            ? first.subscription.batch(events, tx)
            : first.subscription.handler(events[0], tx),
        );
      };
      for (const [i, item] of chunk.entries()) {
        if (!applied[i]) continue;
        const batch = item.subscription.batch;
        if (run.length > 0 && (!batch || run[0].subscription.batch !== batch)) await flushRun();
        run.push(item);
        if (!batch) await flushRun();
      }
      await flushRun();
      return applied;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * One event with its inbox row in one transaction: false when the inbox already held it (a
 * redelivery), and the handler does not run. The consumer's path for an event on its own, and
 * the dead-letter replay's straight to the handler.
 */
export function applyOne<Tx extends SqlTransaction>(
  db: TransactionalDatabase<Tx>,
  groupId: string,
  event: CloudEvent,
  subscription: Subscription<Tx>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO inbox_event (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      groupId,
      event.id,
      event.type,
    );
    if (inserted === 0) return false;
    await subscription.handler(event as CloudEvent<never>, tx);
    return true;
  });
}
