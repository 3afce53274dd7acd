import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  Controller,
  Injectable,
  Module,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type INestApplication,
  type NestInterceptor,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { lastValueFrom, type Observable } from 'rxjs';
import { buildEvent, toKafkaRecord, type CloudEvent } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { createKafka } from '../src/kafka-client';
import { connectMessaging } from '../src/nest/transport/connect';
import type { InboxContext } from '../src/nest/transport/inbox-context';
import { INBOX_TRANSPORT, IN_BATCHES, InboxTransport } from '../src/nest/transport/inbox-transport';
import { OutboxClient } from '../src/nest/transport/outbox-client';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { UnitOfWork } from '../src/outbox/unit-of-work';
import type { SqlTransaction } from '../src/sql-client';
import {
  appliedByAccount,
  asAdmin,
  createTopic,
  entries,
  ledgerContract,
  ledgerHandler,
  logger,
  messagingDatabase,
  readTopic,
  writeEntries,
} from './harness';
import { PgDatabase } from './pg-database';

jest.setTimeout(180_000);

type Entry = CloudEvent<{ account: string; seq: number; poison?: boolean }>;
const LEDGER_TYPE = ledgerContract('unused').type;

/** What the handlers saw, per test (a fresh app each). */
const seen = { intercepted: [] as string[], runSizes: [] as number[], groups: new Set<string>() };

@Injectable()
class RecordingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    seen.intercepted.push(context.getType());
    return next.handle();
  }
}

/** One event per call, through an interceptor: the ledger handler of the delivery tests. */
@Controller()
class LedgerHandlers {
  @UseInterceptors(RecordingInterceptor)
  @EventPattern(LEDGER_TYPE)
  async onEntry(@Payload() event: Entry, @Ctx() ctx: InboxContext<SqlTransaction>): Promise<void> {
    seen.groups.add(ctx.getGroup());
    await ledgerHandler(ctx.getGroup())(event, ctx.transaction);
  }
}

/** Runs of consecutive entries (docs/adr/0008-*). */
@Controller()
class LedgerBatchHandlers {
  @EventPattern([LEDGER_TYPE], IN_BATCHES)
  async onEntries(
    @Payload() events: Entry[],
    @Ctx() ctx: InboxContext<SqlTransaction>,
  ): Promise<void> {
    seen.runSizes.push(events.length);
    const single = ledgerHandler(ctx.getGroup());
    for (const event of events) await single(event, ctx.transaction);
  }
}

async function hybridApp(
  controller: new () => object,
  transport: InboxTransport,
): Promise<INestApplication> {
  @Module({
    controllers: [controller],
    providers: [RecordingInterceptor, { provide: INBOX_TRANSPORT, useValue: transport }],
  })
  class TestModule {}
  // The services' HTTP adapter (Express is not installed).
  const app = await NestFactory.create(TestModule, new FastifyAdapter(), { logger: false });
  expect(connectMessaging(app)).toBeDefined();
  await app.init();
  await app.startAllMicroservices();
  return app;
}

async function ledgerCount(db: PgDatabase, group: string) {
  const rows = await db.$queryRawUnsafe<{ total: string; distinct_events: string }[]>(
    'SELECT count(*) AS total, count(DISTINCT event_id) AS distinct_events FROM ledger WHERE consumer_group = $1',
    group,
  );
  return { total: Number(rows[0].total), distinct: Number(rows[0].distinct_events) };
}

describe('the inbox transport: @EventPattern handlers of a Nest hybrid app over the real broker and database', () => {
  beforeEach(() => {
    seen.intercepted = [];
    seen.runSizes = [];
    seen.groups.clear();
  });

  it('applies each event once through the interceptor, dead-letters a malformed and a refused one, and stops with the app', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('transport-test', brokers, logger, asAdmin());
    const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
    const group = `transport-${topic}`;
    const transport = new InboxTransport({
      kafka,
      db,
      logger,
      deadLetterTopic: `${topic}.dlq`,
      groupId: group,
      contracts: [contract],
    });
    const raw = testKafka(brokers).producer();
    let app: INestApplication | undefined;
    try {
      await raw.connect();
      await raw.send({
        topic,
        messages: [
          {
            key: 'ACC-0',
            value: '{"not":"a cloud event"}',
            headers: { 'content-type': 'application/json' },
          },
        ],
      });
      await writeEntries(new UnitOfWork(db), contract, [
        { account: 'ACC-0', seq: 0, poison: true },
        ...entries(2, 4, 1),
      ]);
      // The client side: emit writes through the outbox, checked against the contract.
      const client = new OutboxClient(new UnitOfWork(db), [contract]);
      for (const account of ['ACC-0', 'ACC-1'])
        await lastValueFrom(client.emit(LEDGER_TYPE, { account, seq: 5 }));
      await expect(lastValueFrom(client.emit(LEDGER_TYPE, { account: '' }))).rejects.toThrow();
      relay.start();
      app = await hybridApp(LedgerHandlers, transport);

      const deadLetters = await readTopic(brokers, `${topic}.dlq`, 2);
      const reasons = deadLetters.map((m) => m.headers[DLQ_HEADERS.reason]).sort();
      expect(reasons).toEqual(['malformed', 'rejected']); // the handler's PermanentError, unchanged by Nest
      const refused = deadLetters.find((m) => m.headers[DLQ_HEADERS.reason] === 'rejected')!;
      expect(refused.headers[DLQ_HEADERS.error]).toMatch(/refused by a business rule/);

      await waitFor('the ten good entries', async () =>
        (await ledgerCount(db, group)).total >= 10 ? true : undefined,
      );
      await app.close();
      app = undefined;
      expect(transport.unwrap<Map<string, unknown>>().size).toBe(0); // closed with the app
      expect(await ledgerCount(db, group)).toEqual({ total: 10, distinct: 10 });
      const byAccount = await appliedByAccount(db, group);
      expect(byAccount.get('ACC-0')).toEqual([1, 2, 3, 4, 5]);
      expect(byAccount.get('ACC-1')).toEqual([1, 2, 3, 4, 5]);
      expect(seen.groups).toEqual(new Set([group]));
      expect(seen.intercepted.length).toBeGreaterThanOrEqual(11); // every call, the refused one too
      expect(new Set(seen.intercepted)).toEqual(new Set(['rpc']));
    } finally {
      await app?.close();
      await raw.disconnect();
      await relay.stop();
      await drop();
    }
  });

  it('gives a batch pattern runs of consecutive events in one transaction, and a refused one alone', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('transport-batch-test', brokers, logger, asAdmin());
    const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
    const group = `transport-batch-${topic}`;
    const transport = new InboxTransport({
      kafka,
      db,
      logger,
      deadLetterTopic: `${topic}.dlq`,
      groupId: group,
      contracts: [contract],
    });
    let app: INestApplication | undefined;
    try {
      await writeEntries(new UnitOfWork(db), contract, [
        ...entries(2, 20, 0),
        { account: 'ACC-0', seq: 20, poison: true },
        ...entries(2, 20, 21),
      ]);
      relay.start();
      await waitFor(
        'all entries on the topic',
        async () => ((await readTopic(brokers, topic, 81, 2000)).length >= 81 ? true : undefined),
        30000,
      );
      app = await hybridApp(LedgerBatchHandlers, transport);

      const deadLetters = await readTopic(brokers, `${topic}.dlq`, 1);
      expect(deadLetters.map((m) => m.headers[DLQ_HEADERS.reason])).toEqual(['rejected']);
      await waitFor('the 80 good entries', async () =>
        (await ledgerCount(db, group)).total >= 80 ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await ledgerCount(db, group)).toEqual({ total: 80, distinct: 80 });
      const expected = [
        ...Array.from({ length: 20 }, (_, i) => i),
        ...Array.from({ length: 20 }, (_, i) => 21 + i),
      ];
      expect((await appliedByAccount(db, group)).get('ACC-0')).toEqual(expected);
      expect(Math.max(...seen.runSizes)).toBeGreaterThan(1);
      expect(seen.runSizes).toContain(1);
    } finally {
      await app?.close();
      await relay.stop();
      await drop();
    }
  });

  it('pauses while the database is down and applies everything once it is back, with no dead letter', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 2);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const name = new URL(url).pathname.slice(1);
    const server = new PgDatabase(testEnv.postgresServer());
    const group = `transport-dbdown-${topic}`;
    const transport = new InboxTransport({
      kafka: createKafka('transport-dbdown-test', brokers, logger, asAdmin()),
      db,
      logger,
      deadLetterTopic: `${topic}.dlq`,
      groupId: group,
      contracts: [contract],
    });
    const producer = testKafka(brokers).producer();
    const setConnections = async (allowed: boolean) => {
      await server.$executeRawUnsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);
      if (!allowed)
        await server.$executeRawUnsafe(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          name,
        );
    };
    let app: INestApplication | undefined;
    try {
      app = await hybridApp(LedgerHandlers, transport);
      await producer.connect();
      await setConnections(false);
      const records = Array.from({ length: 10 }, (_, seq) => {
        const { event, key } = buildEvent(
          contract,
          { account: `ACC-${seq % 2}`, seq },
          { correlationId: 'db-down' },
        );
        return toKafkaRecord(event, key);
      });
      await producer.send({ topic, messages: records });
      await new Promise((resolve) => setTimeout(resolve, 4000)); // several rounds against the closed database
      await setConnections(true);
      await waitFor(
        '10 entries applied after the database returned',
        async () => ((await ledgerCount(db, group)).total >= 10 ? true : undefined),
        60000,
      );
      expect(await ledgerCount(db, group)).toEqual({ total: 10, distinct: 10 });
      expect(await readTopic(brokers, `${topic}.dlq`, 1, 3000)).toHaveLength(0);
    } finally {
      await setConnections(true).catch(() => undefined);
      await producer.disconnect();
      await app?.close();
      await server.end();
      await drop();
    }
  });
});
