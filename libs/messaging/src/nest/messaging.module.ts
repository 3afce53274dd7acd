import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { consumerGroupOf, deadLetterTopicOf, type ServiceName } from '@motcua/contracts';
import { LOGGER, type Logger } from '@motcua/observability';
import { checkKafkaIdentity, createKafka, kafkaSecurityOf } from '../kafka-client';
import type { FetchShape } from '../consumer/subscriptions';
import { OutboxRelay } from '../outbox/outbox-relay';
import { forkOutboxRelay } from '../outbox/relay-process';
import { UnitOfWork } from '../outbox/unit-of-work';
import type { SqlTransaction, TransactionalDatabase } from '../sql-client';
import { INBOX_TRANSPORT, InboxTransport } from './transport/inbox-transport';
import { OUTBOX_CLIENT, OutboxClient } from './transport/outbox-client';

export const KAFKA = Symbol('KAFKA');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const DATABASE = Symbol('MESSAGING_DATABASE');

export type MessagingOptions = {
  service: ServiceName;
  /** The service's Prisma client provider. */
  database: InjectionToken;
  /**
   * Consumer group of the service's `@EventPattern` handlers; defaults to `motcua.<service>` (its
   * ACL allows the groups starting with it). `false`: the service starts its groups itself
   * (`InboxTransport.startGroup`).
   */
  groupId?: string | false;
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
  private relayProcess?: { stop: () => Promise<void> };

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SERVICE_CONFIG) private readonly config: CommonServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(INBOX_TRANSPORT) private readonly transport: InboxTransport,
    private readonly uow: UnitOfWork<SqlTransaction>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.relay === false) return;
    if (this.config.OUTBOX_RELAY === 'process') {
      this.relayProcess = forkOutboxRelay(this.logger);
    } else {
      this.relay = new OutboxRelay({
        databaseUrl: this.config.DATABASE_URL,
        kafka: this.kafka,
        logger: this.logger,
      });
      this.uow.relayedLocallyBy(this.relay);
      this.relay.start();
    }
  }

  /** The consumers first (they finish their chunk and leave their groups), then the relay. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.transport.close();
    await this.relay?.stop();
    await this.relayProcess?.stop();
  }
}

/** Wires the outbox, the relay and the consumer of one service into Nest. */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
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
        {
          // The consumer side: connected as the service's microservice (connectMessaging).
          provide: INBOX_TRANSPORT,
          inject: [KAFKA, DATABASE, LOGGER],
          useFactory: (kafka: Kafka, db: TransactionalDatabase<SqlTransaction>, logger: Logger) =>
            new InboxTransport({
              kafka,
              db: options.consumeThrough ? options.consumeThrough(db as never) : db,
              logger,
              deadLetterTopic: deadLetterTopicOf(options.service),
              groupId:
                options.groupId === false
                  ? false
                  : (options.groupId ?? consumerGroupOf(options.service)),
              fetch: options.fetch,
            }),
        },
        {
          provide: OUTBOX_CLIENT,
          inject: [UnitOfWork],
          useFactory: (uow: UnitOfWork<SqlTransaction>) => new OutboxClient(uow),
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, UnitOfWork, INBOX_TRANSPORT, OUTBOX_CLIENT],
    };
  }
}
