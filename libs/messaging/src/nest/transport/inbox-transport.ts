import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { contractOfType, type CloudEvent, type EventContract } from '@motcua/contracts';
import type { Logger } from '@motcua/observability';
import { EventConsumer } from '../../consumer/event-consumer';
import type { FetchShape, Subscription } from '../../consumer/subscriptions';
import type { SqlTransaction, TransactionalDatabase } from '../../sql-client';
import type { DeadLetter } from '../../dead-letters/dead-letters';
import { replayToHandlers, type HandlerReplay } from '../../dead-letters/to-handler';
import { InboxContext } from './inbox-context';

/** Marks an `@EventPattern` whose method takes runs of consecutive events: `@EventPattern(types, IN_BATCHES)`. */
export const IN_BATCHES = { batch: true } as const;

export const INBOX_TRANSPORT = Symbol('motcua:inbox-transport');

export type InboxTransportOptions = {
  kafka: Kafka;
  db: TransactionalDatabase<SqlTransaction>;
  logger: Logger;
  deadLetterTopic: string;
  /**
   * The group started when the microservice listens; `false` when the service starts its groups
   * itself with `startGroup` (reporting: one group per projection generation).
   */
  groupId: string | false;
  fetch?: FetchShape;
  /** Contracts known besides the registry's (a test's own); a pattern is looked up here first. */
  contracts?: readonly EventContract[];
};

export type GroupOptions = { groupId: string; fetch?: FetchShape; fromBeginning?: boolean };

/** A handler as Nest registers it (`addHandler`): extras and the next handler of the same pattern. */
type RegisteredHandler = MessageHandler & { extras?: Record<string, unknown> };

/**
 * The motcua transport of `@nestjs/microservices` (`connectMicroservice({ strategy })`): Nest finds
 * the `@EventPattern(type)` methods of the controllers, with their guards, interceptors, pipes
 * and filters; this server hands each one the events of its contract through `EventConsumer`,
 * which keeps what the delivery tests prove: CloudEvents binding and contract validation, the
 * inbox row written in the handler's transaction (the `@Ctx()`), chunks of consecutive events
 * in one transaction, retries, dead letters with their reason, the pause while the database is
 * down, and the metrics. A pattern is an event type of the contracts; `IN_BATCHES` gives the
 * method runs of consecutive events of one fetched batch (docs/adr/0008-*), so one pattern
 * array covers a projection of several types. See docs/adr/0025-*.
 */
export class InboxTransport extends Server implements CustomTransportStrategy {
  private readonly groups = new Map<string, EventConsumer<SqlTransaction>>();
  private closing = false;
  /** A one-off run of the service (a dead-letter replay): its groups are not started. */
  private consumersHeld = false;

  constructor(private readonly options: InboxTransportOptions) {
    super();
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      if (this.options.groupId !== false && this.messageHandlers.size > 0) {
        await this.startGroup({ groupId: this.options.groupId, fetch: this.options.fetch });
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Runs one more consumer group over every `@EventPattern` of the service (`stop` ends it). */
  async startGroup(options: GroupOptions): Promise<{ stop: () => Promise<void> }> {
    if (this.closing) throw new Error('the transport is closing');
    if (this.consumersHeld) return { stop: () => Promise.resolve() };
    if (this.messageHandlers.size === 0)
      throw new Error(
        'no @EventPattern handler registered: is the microservice connected (connectMessaging)?',
      );
    if (this.groups.has(options.groupId))
      throw new Error(`consumer group ${options.groupId} runs already`);
    const consumer = new EventConsumer({
      kafka: this.options.kafka,
      groupId: options.groupId,
      deadLetterTopic: this.options.deadLetterTopic,
      db: this.options.db,
      subscriptions: this.subscriptionsOf(options.groupId),
      logger: this.options.logger,
      fetch: options.fetch ?? this.options.fetch,
      fromBeginning: options.fromBeginning,
    });
    this.groups.set(options.groupId, consumer);
    try {
      await consumer.start();
    } catch (error) {
      this.groups.delete(options.groupId);
      await consumer.stop();
      throw error;
    }
    return { stop: () => this.stopGroup(options.groupId) };
  }

  async stopGroup(groupId: string): Promise<void> {
    const consumer = this.groups.get(groupId);
    this.groups.delete(groupId);
    await consumer?.stop();
  }

  /** Each consumer finishes the chunk in hand and leaves its group (idempotent). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.groups.keys()].map((groupId) => this.stopGroup(groupId)));
  }

  /** From now on `startGroup` starts nothing: the process runs a one-off command, not the consumers. */
  holdConsumers(): void {
    this.consumersHeld = true;
  }

  /**
   * Dead letters of this service straight to its `@EventPattern` handlers (after a fix), each in
   * the group that dead-lettered it, through the inbox: see `replayToHandlers`.
   */
  replayDeadLetters(
    letters: DeadLetter[],
    options: { dryRun?: boolean; groupPrefix: string },
  ): Promise<HandlerReplay[]> {
    return replayToHandlers(letters, {
      db: this.options.db,
      subscriptionsOf: (group) => this.subscriptionsOf(group),
      ownsGroup: (group) =>
        group === options.groupPrefix || group.startsWith(`${options.groupPrefix}.`),
      dryRun: options.dryRun,
    });
  }

  on(): never {
    throw new Error('the inbox transport emits no status events');
  }

  unwrap<T>(): T {
    return this.groups as T;
  }

  /** The contracts this service consumes, each to its Nest handler, within `group`. */
  subscriptionsOf(group: string): Subscription<SqlTransaction>[] {
    const found: Subscription<SqlTransaction>[] = [];
    const batches = new Map<
      MessageHandler,
      (events: CloudEvent[], tx: SqlTransaction) => Promise<void>
    >();
    for (const [pattern, handler] of this.messageHandlers as Map<string, RegisteredHandler>) {
      const contract = this.contractOf(pattern);
      if (!contract) throw new Error(`@EventPattern('${pattern}'): no event contract of this type`);
      if (!handler.isEventHandler)
        throw new Error(
          `${pattern}: events have no reply, use @EventPattern (not @MessagePattern)`,
        );
      if (handler.next)
        throw new Error(`${pattern}: one handler per event type (its inbox row is its only one)`);
      const context = (tx: SqlTransaction, type: string) =>
        new InboxContext([
          tx,
          { group, topic: this.contractOf(type)?.topic ?? contract.topic, type },
        ]);
      if (handler.extras?.batch) {
        let batch = batches.get(handler);
        if (!batch) {
          batch = (events, tx) => this.invoke(handler, events, context(tx, events[0].type));
          batches.set(handler, batch);
        }
        const run = batch;
        found.push({ contract, handler: (event, tx) => run([event], tx), batch: run });
      } else {
        found.push({
          contract,
          handler: (event, tx) => this.invoke(handler, event, context(tx, event.type)),
        });
      }
    }
    return found;
  }

  private contractOf(type: string): EventContract | undefined {
    return this.options.contracts?.find((c) => c.type === type) ?? contractOfType(type);
  }

  /** Through Nest's pipeline (guards, interceptors, pipes, filters); the handler's error comes back as is. */
  private async invoke(
    handler: MessageHandler,
    payload: unknown,
    context: InboxContext,
  ): Promise<void> {
    const result: unknown = await handler(payload, context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
