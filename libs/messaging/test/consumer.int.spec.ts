import type { CloudEvent } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import type { SqlTransaction } from '../src/sql-client';
import { DLQ_HEADERS } from '../src/consumer/dead-letter';
import { EventConsumer, subscribe, subscribeInBatches } from '../src/consumer/event-consumer';
import { createKafka } from '../src/kafka-client';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { UnitOfWork } from '../src/outbox/unit-of-work';
import {
  asAdmin,
  appliedByAccount,
  createTopic,
  entries,
  ledgerContract,
  ledgerHandler,
  logger,
  messagingDatabase,
  readTopic,
  writeEntries,
} from './harness';

jest.setTimeout(180_000);

async function ledgerCount(
  db: { $queryRawUnsafe: <T>(q: string, ...v: unknown[]) => Promise<T> },
  group: string,
) {
  const rows = await db.$queryRawUnsafe<{ total: string; distinct_events: string }[]>(
    'SELECT count(*) AS total, count(DISTINCT event_id) AS distinct_events FROM ledger WHERE consumer_group = $1',
    group,
  );
  return { total: Number(rows[0].total), distinct: Number(rows[0].distinct_events) };
}

describe('event consumer against the real broker and database', () => {
  it('dead-letters a malformed and a refused message with the reason, and processes the messages behind them', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1); // one partition: the good messages are really behind the bad ones
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('dlq-test', brokers, logger, asAdmin());
    const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
    const group = `dlq-${topic}`;
    const consumer = new EventConsumer({
      kafka,
      groupId: group,
      deadLetterTopic: `${topic}.dlq`,
      db,
      logger,
      subscriptions: [subscribe(contract, ledgerHandler(group))],
    });
    const raw = testKafka(brokers).producer();
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
        ...entries(1, 3, 1),
      ]);
      relay.start();
      await consumer.start();

      const deadLetters = await readTopic(brokers, `${topic}.dlq`, 2);
      expect(deadLetters).toHaveLength(2);
      const reasons = deadLetters.map((m) => m.headers[DLQ_HEADERS.reason]).sort();
      expect(reasons).toEqual(['malformed', 'rejected']);
      const malformed = deadLetters.find((m) => m.headers[DLQ_HEADERS.reason] === 'malformed')!;
      expect(malformed.headers[DLQ_HEADERS.error]).toMatch(/invalid CloudEvents headers/);
      expect(malformed.value).toBe('{"not":"a cloud event"}');
      expect(malformed.headers[DLQ_HEADERS.topic]).toBe(topic);
      const refused = deadLetters.find((m) => m.headers[DLQ_HEADERS.reason] === 'rejected')!;
      expect(refused.headers[DLQ_HEADERS.error]).toMatch(/refused by a business rule/);

      await waitFor('the three good entries', async () =>
        (await ledgerCount(db, group)).total >= 3 ? true : undefined,
      );
      expect((await appliedByAccount(db, group)).get('ACC-0')).toEqual([1, 2, 3]);
    } finally {
      await raw.disconnect();
      await consumer.stop();
      await relay.stop();
      await drop();
    }
  });

  it('two instances in one group: no event applied twice, none skipped, across a rebalance', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 6);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const relay = new OutboxRelay({
      databaseUrl: url,
      kafka: createKafka('group-test-relay', brokers, logger, asAdmin()),
      logger,
    });
    const group = `pair-${topic}`;
    const instance = (name: string) =>
      new EventConsumer({
        kafka: createKafka(name, brokers, logger, asAdmin()),
        groupId: group,
        deadLetterTopic: `${topic}.dlq`,
        db,
        logger,
        subscriptions: [subscribe(contract, ledgerHandler(group))],
      });
    const first = instance('instance-1');
    const second = instance('instance-2');
    const uow = new UnitOfWork(db);
    try {
      await Promise.all([first.start(), second.start()]);
      relay.start();
      await writeEntries(uow, contract, entries(12, 10, 0));
      await waitFor(
        'some entries applied',
        async () => ((await ledgerCount(db, group)).total >= 30 ? true : undefined),
        60000,
      );
      await first.stop(); // graceful: finishes in-flight work; its partitions move to the second instance
      await writeEntries(uow, contract, entries(12, 10, 10));

      await waitFor(
        '240 entries applied',
        async () => ((await ledgerCount(db, group)).total >= 240 ? true : undefined),
        90000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await ledgerCount(db, group)).toEqual({ total: 240, distinct: 240 });
      const applied = await appliedByAccount(db, group);
      const expected = Array.from({ length: 20 }, (_, i) => i);
      for (const seqs of applied.values()) expect(seqs).toEqual(expected);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await relay.stop();
      await drop();
    }
  });

  it('a batch handler gets runs of consecutive events in order; a refused one falls back to one by one', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('batch-test', brokers, logger, asAdmin());
    const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
    const group = `batch-${topic}`;
    const single = ledgerHandler(group);
    const runSizes: number[] = [];
    const consumer = new EventConsumer({
      kafka,
      groupId: group,
      deadLetterTopic: `${topic}.dlq`,
      db,
      logger,
      subscriptions: subscribeInBatches(
        [contract],
        async (events: CloudEvent<{ account: string; seq: number }>[], tx: SqlTransaction) => {
          runSizes.push(events.length);
          for (const event of events) await single(event, tx);
        },
      ),
    });
    try {
      // All written before the consumer starts, so its fetches hold many events.
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
      await consumer.start();

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
      expect((await appliedByAccount(db, group)).get('ACC-1')).toEqual(expected);
      expect(Math.max(...runSizes)).toBeGreaterThan(1); // applied together, not one by one
      expect(runSizes).toContain(1); // the chunk holding the refused entry, retried one by one
    } finally {
      await consumer.stop();
      await relay.stop();
      await drop();
    }
  });
});
