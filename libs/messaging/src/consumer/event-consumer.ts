import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { ZodError } from 'zod';
import {
  contractOfType,
  fromKafkaMessage,
  MalformedEventError,
  type CloudEvent,
} from '@motcua/contracts';
import type { Logger } from '@motcua/observability';
import type { SqlTransaction, TransactionalDatabase } from '../sql-client';
import { chunkEvents, eventsConsumed, eventsDeadLettered } from '../metrics';
import {
  applyOne,
  applyTogether,
  inConsumerSpan,
  type Applicable,
  type Delivery,
} from './chunk-transaction';
import { sendToDeadLetter } from './dead-letter';
import { isDatabaseUnavailable } from '../connections/unavailable';
import { Outage } from '../connections/outage';
import { PermanentError, type DeadLetterReason } from './errors';
import { startLagMonitor } from './lag-monitor';
import { DEFAULT_FETCH, type FetchShape, type Subscription } from './subscriptions';
import { WorkSlices } from './work-slices';

export * from './subscriptions';

export type EventConsumerOptions<Tx extends SqlTransaction> = {
  kafka: Kafka;
  groupId: string;
  deadLetterTopic: string;
  db: TransactionalDatabase<Tx>;
  subscriptions: Subscription<Tx>[];
  logger: Logger;
  /** Attempts for a transient handler error before the message is dead-lettered. */
  maxAttempts?: number;
  /** Inbox rows are kept this long: longer than Kafka keeps messages, so any redelivery is still recognised. Default 30 days. */
  inboxRetentionDays?: number;
  /** Start from the beginning of each topic when the group has no committed offset. */
  fromBeginning?: boolean;
  /** How long the broker may hold a fetch to fill it (see `FetchShape`). */
  fetch?: FetchShape;
};

class Aborted extends Error {}

/** Consecutive valid events applied in one transaction (one inbox insert, one commit), unless the fetch shape says otherwise. */
const CHUNK_SIZE = 200;

/**
 * Runs one consumer group of a service:
 * - validates every message (CloudEvents headers, then the contract's schema);
 * - applies the handler and records the event id in the inbox in ONE transaction,
 *   so a redelivered event changes nothing; consecutive valid events of a fetched batch
 *   share one transaction (up to CHUNK_SIZE, or the fetch shape's `eventsPerTransaction`); if any of them fails the chunk rolls back and
 *   its events are applied one by one, so one bad event costs only its own retries;
 * - retries transient errors with backoff, heartbeating meanwhile;
 * - lets the event loop run every ~10 ms of a batch's work (WorkSlices), so the service's HTTP
 *   answers wait for a slice, not for a whole batch;
 * - sends malformed, invalid, rejected or exhausted messages to the dead-letter
 *   topic with the reason in headers, so the partition moves on;
 * - while the database is unreachable it waits (no dead-lettering), keeping the offset;
 * - on stop, finishes the message in flight, commits, then disconnects.
 */
export class EventConsumer<Tx extends SqlTransaction> {
  private consumer?: Consumer;
  private producer?: Producer;
  private stopping = false;
  private stopLag?: () => void;
  private pruneTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, Subscription<Tx>>();
  /** Consumption paused for an unreachable database: logged when it pauses and when it resumes. */
  private readonly paused: Outage;

  constructor(private readonly options: EventConsumerOptions<Tx>) {
    this.paused = new Outage(`consumer group ${options.groupId}: the database`, options.logger);
    for (const subscription of options.subscriptions) {
      this.handlers.set(subscription.contract.type, subscription);
    }
  }

  get topics(): string[] {
    return [...new Set(this.options.subscriptions.map((s) => s.contract.topic))];
  }

  async start(): Promise<void> {
    const { kafka, groupId } = this.options;
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    const fetch = this.options.fetch ?? DEFAULT_FETCH;
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      minBytes: fetch.minBytes,
      maxWaitTimeInMs: fetch.maxWaitMs,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.stopLag = startLagMonitor(kafka, groupId, this.topics);
    this.pruneTimer = setInterval(() => void this.pruneInbox(), 3600_000);
    this.pruneTimer.unref();
  }

  private async pruneInbox(): Promise<void> {
    await this.options.db
      .$executeRawUnsafe(
        `DELETE FROM inbox_event WHERE consumer_group = $1 AND processed_at < now() - make_interval(days => $2)`,
        this.options.groupId,
        this.options.inboxRetentionDays ?? 30,
      )
      .catch((error: Error) =>
        this.options.logger.warn({ err: error }, 'inbox pruning failed; next round tries again'),
      );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopLag?.();
    clearInterval(this.pruneTimer);
    await this.consumer?.stop().catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  /** One fetched batch of one partition, in offset order. */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const live = () => payload.isRunning() && !payload.isStale() && !this.stopping;
    const chunkSize = this.options.fetch?.eventsPerTransaction ?? CHUNK_SIZE;
    const beat = setInterval(() => void payload.heartbeat().catch(() => undefined), 2000);
    const slices = new WorkSlices();
    try {
      let chunk: Applicable<Tx>[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        await this.applyChunk(chunk);
        payload.resolveOffset(chunk[chunk.length - 1].delivery.message.offset);
        chunk = [];
        await payload.commitOffsetsIfNecessary();
      };
      for (const message of batch.messages) {
        await slices.yieldIfDue();
        if (!live()) break;
        const checked = await this.check({
          topic: batch.topic,
          partition: batch.partition,
          message,
        });
        if (checked) {
          chunk.push(checked);
          if (chunk.length >= chunkSize) await flush();
          continue;
        }
        await flush(); // what came before a dead letter or a skipped message is applied first
        payload.resolveOffset(message.offset);
      }
      if (live()) await flush();
      await payload.commitOffsetsIfNecessary();
    } finally {
      clearInterval(beat);
    }
  }

  /** A message its handler can take, or undefined once it was dead-lettered or skipped. */
  private async check(delivery: Delivery): Promise<Applicable<Tx> | undefined> {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(delivery.message.headers, delivery.message.value);
    } catch (error) {
      await this.deadLetter(delivery, 'malformed', (error as Error).message, 'unknown');
      return undefined;
    }
    const subscription = this.handlers.get(event.type);
    if (!subscription) {
      this.skip(event);
      return undefined;
    }
    const data = subscription.contract.schema.safeParse(event.data);
    if (!data.success) {
      const problems = data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      await this.deadLetter(delivery, 'invalid-data', `${event.type}: ${problems}`, event.type);
      return undefined;
    }
    return { delivery, event: { ...event, data: data.data }, subscription };
  }

  /** The chunk in one transaction; on any failure, each event on its own with retries and dead letters. */
  private async applyChunk(chunk: Applicable<Tx>[]): Promise<void> {
    let delay = 200;
    while (chunk.length > 1) {
      try {
        const applied = await applyTogether(this.options.db, this.options.groupId, chunk);
        this.paused.recovered();
        chunkEvents.observe({ group: this.options.groupId }, chunk.length);
        chunk.forEach(({ event }, i) => this.handled(event, applied[i]));
        return;
      } catch (error) {
        if (this.stopping) throw new Aborted('consumer stopping: messages left for redelivery');
        if (isDatabaseUnavailable(error) || !(await this.databaseAnswers())) {
          // Not the events' fault: the whole chunk waits for the database, no attempt counted.
          this.paused.failed(error);
          await this.pause(delay);
          delay = Math.min(delay * 2, 5000);
          continue;
        }
        this.options.logger.warn(
          { err: error, events: chunk.length },
          'a chunk failed: applying its events one by one',
        );
        break;
      }
    }
    for (const item of chunk) {
      await inConsumerSpan(this.options.groupId, item.delivery.topic, [item.event], () =>
        this.applyWithRetries(item.delivery, item.event, item.subscription),
      );
    }
  }

  private handled(event: CloudEvent, applied: boolean): void {
    this.options.logger.debug(
      { type: event.type, id: event.id, duplicate: !applied },
      'event handled',
    );
    eventsConsumed.inc({
      group: this.options.groupId,
      type: event.type,
      outcome: applied ? 'applied' : 'duplicate',
    });
  }

  private skip(event: CloudEvent): void {
    const known = contractOfType(event.type) !== undefined;
    eventsConsumed.inc({
      group: this.options.groupId,
      type: event.type,
      outcome: known ? 'not-subscribed' : 'unknown-type',
    });
    if (!known) {
      this.options.logger.warn(
        { type: event.type, id: event.id },
        'unknown event type or version: skipped and counted',
      );
    }
  }

  private async applyWithRetries(
    delivery: Delivery,
    event: CloudEvent,
    subscription: Subscription<Tx>,
  ) {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let attempt = 0;
    let delay = 200;
    for (;;) {
      if (this.stopping) throw new Aborted('consumer stopping: message left for redelivery');
      try {
        this.handled(event, await this.applyOnce(event, subscription));
        this.paused.recovered();
        return;
      } catch (error) {
        if (
          error instanceof PermanentError ||
          error instanceof ZodError ||
          error instanceof MalformedEventError
        ) {
          return this.deadLetter(delivery, 'rejected', error.message, event.type);
        }
        const databaseDown = isDatabaseUnavailable(error) || !(await this.databaseAnswers());
        if (!databaseDown) attempt += 1;
        if (attempt >= maxAttempts) {
          return this.deadLetter(
            delivery,
            'retries-exhausted',
            (error as Error).message,
            event.type,
          );
        }
        if (databaseDown)
          this.paused.failed(error); // logged once: consumption paused until it answers
        else
          this.options.logger.warn(
            { err: error, type: event.type, id: event.id, attempt },
            'transient handler error: retrying',
          );
        await this.pause(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  /** Returns false when the inbox already held the event (a redelivery). */
  private applyOnce(event: CloudEvent, subscription: Subscription<Tx>): Promise<boolean> {
    return applyOne(this.options.db, this.options.groupId, event, subscription);
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.options.db.$queryRawUnsafe('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async deadLetter(
    delivery: Delivery,
    reason: DeadLetterReason,
    error: string,
    type: string,
  ) {
    const { topic, partition, message } = delivery;
    await sendToDeadLetter(
      this.producer!,
      this.options.deadLetterTopic,
      { topic, partition, message, group: this.options.groupId },
      reason,
      error,
    );
    eventsDeadLettered.inc({ group: this.options.groupId, topic, reason });
    eventsConsumed.inc({ group: this.options.groupId, type, outcome: 'dead-lettered' });
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason, error },
      'message dead-lettered',
    );
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
