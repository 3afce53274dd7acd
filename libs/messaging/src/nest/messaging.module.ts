import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import {
  consumerGroupOf,
  deadLetterTopicOf,
  type EventContract,
  type ServiceName,
} from '@motcua/contracts';
import { LOGGER, type Logger } from '@motcua/observability';
import { checkKafkaIdentity, createKafka, kafkaSecurityOf } from '../kafka-client';
import {
  EventConsumer,
  subscribeInBatches,
  type FetchShape,
  type Subscription,
} from '../consumer/event-consumer';
import { OutboxRelay } from '../outbox/outbox-relay';
import { UnitOfWork } from '../outbox/unit-of-work';
import type { SqlTransaction, TransactionalDatabase } from '../sql-client';
import { ON_EVENT, ON_EVENTS_IN_BATCHES } from './on-event.decorator';

export const KAFKA = Symbol('KAFKA');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const DATABASE = Symbol('MESSAGING_DATABASE');

export type MessagingOptions = {
  service: ServiceName;
  /** The service's Prisma client provider. */
  database: InjectionToken;
  /** Consumer group; defaults to `motcua.<service>` (its ACL allows the groups starting with it). */
  groupId?: string;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  /** How the consumer's fetches are filled (default 64 KiB or 100 ms). */
  fetch?: FetchShape;
  /**
   * The database the consumer applies events through, when not the Prisma client itself: e.g. its
   * plain-pg face (`PgSqlDatabase`) for handlers that write raw SQL only, on every event of a busy topic.
   */
  consumeThrough?: (database: never) => TransactionalDatabase<SqlTransaction>;
};

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: OutboxRelay;
  private consumer?: EventConsumer<SqlTransaction>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SERVICE_CONFIG) private readonly config: CommonServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(DATABASE) private readonly db: TransactionalDatabase<SqlTransaction>,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.relay !== false) {
      this.relay = new OutboxRelay({
        databaseUrl: this.config.DATABASE_URL,
        kafka: this.kafka,
        logger: this.logger,
      });
      this.relay.start();
    }
    const subscriptions = this.discoverHandlers();
    if (subscriptions.length > 0) {
      this.consumer = new EventConsumer({
        kafka: this.kafka,
        groupId: this.options.groupId ?? consumerGroupOf(this.options.service),
        deadLetterTopic: deadLetterTopicOf(this.options.service),
        db: this.options.consumeThrough ? this.options.consumeThrough(this.db as never) : this.db,
        subscriptions,
        logger: this.logger,
        fetch: this.options.fetch,
      });
      await this.consumer.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
  }

  private discoverHandlers(): Subscription<SqlTransaction>[] {
    const found: Subscription<SqlTransaction>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const contract = Reflect.getMetadata(ON_EVENT, prototype, method) as
          EventContract | undefined;
        const contracts = Reflect.getMetadata(ON_EVENTS_IN_BATCHES, prototype, method) as
          EventContract[] | undefined;
        if (!contract && !contracts) continue;
        const handler = (instance[method] as (...args: unknown[]) => Promise<void>).bind(instance);
        if (contract) found.push({ contract, handler });
        if (contracts) found.push(...subscribeInBatches<SqlTransaction>(contracts, handler));
      }
    }
    return found;
  }
}

/** Wires the outbox, the relay and the consumer of one service into Nest. */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: DATABASE, useExisting: options.database },
        {
          provide: KAFKA,
          inject: [SERVICE_CONFIG, LOGGER],
          useFactory: async (config: CommonServiceConfig, logger: Logger) => {
            const security = kafkaSecurityOf(config);
            await checkKafkaIdentity(config.KAFKA_BROKERS, security, logger);
            return createKafka(`motcua-${options.service}`, config.KAFKA_BROKERS, logger, security);
          },
        },
        {
          provide: UnitOfWork,
          inject: [DATABASE],
          useFactory: (db: TransactionalDatabase<SqlTransaction>) => new UnitOfWork(db),
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, UnitOfWork],
    };
  }
}
