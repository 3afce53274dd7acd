import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureTopics } from '@motcua/stack';
import { repoRoot, testEnv, waitFor } from '@motcua/testing';
import { metricsRegistry } from '@motcua/observability';
import { createKafka } from '../src/kafka-client';
import { EventConsumer, subscribe } from '../src/consumer/event-consumer';
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

describe('outbox relay against the real broker and database', () => {
  it('a crash between publish and mark re-publishes; the consumer applies each event once', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('relay-crash-test', brokers, logger, asAdmin());
    let crashes = 1;
    const relay = new OutboxRelay({
      databaseUrl: url,
      kafka,
      logger,
      afterPublish: async () => {
        if (crashes-- > 0)
          throw new Error('simulated crash after the broker acknowledged, before marking');
      },
    });
    const group = `crash-${topic}`;
    const consumer = new EventConsumer({
      kafka,
      groupId: group,
      deadLetterTopic: `${topic}.dlq`,
      db,
      logger,
      subscriptions: [subscribe(contract, ledgerHandler(group))],
    });
    try {
      await writeEntries(new UnitOfWork(db), contract, entries(4, 5));
      relay.start();
      await consumer.start();

      const onTopic = await readTopic(brokers, topic, 40);
      const ids = onTopic.map((m) => m.headers['ce_id']);
      expect(ids.length).toBe(40); // 20 events, all published twice
      expect(new Set(ids).size).toBe(20);

      await waitFor('20 ledger entries', async () => {
        const [{ count }] = await db.$queryRawUnsafe<{ count: string }[]>(
          'SELECT count(*) FROM inbox_event WHERE consumer_group = $1',
          group,
        );
        return Number(count) >= 20 ? true : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 1000)); // let any duplicate land
      const applied = await appliedByAccount(db, group);
      expect([...applied.values()].flat()).toHaveLength(20);
      for (const seqs of applied.values()) expect(seqs).toEqual([0, 1, 2, 3, 4]);
      const [{ unpublished }] = await db.$queryRawUnsafe<{ unpublished: string }[]>(
        'SELECT count(*) AS unpublished FROM outbox_event WHERE published_at IS NULL',
      );
      expect(Number(unpublished)).toBe(0);
    } finally {
      await consumer.stop();
      await relay.stop();
      await drop();
    }
  });

  describe('with the broker stopped during a burst of writes', () => {
    // A broker of this test's own, 10000 above the run's test broker, so that checkouts
    // running side by side (MOTCUA_TEST_KAFKA_PORT) do not start it on one port.
    const port = String(Number(process.env.MOTCUA_TEST_KAFKA_PORT ?? 19092) + 10000);
    const env = {
      ...process.env,
      KAFKA_PORT: port,
      KAFKA_CONTROLLER_PORT: String(Number(port) + 1),
      KAFKA_DATA_DIR: join(repoRoot(), 'infra/kafka/.data-test-restart'),
      KAFKA_CREDENTIALS_DIR: process.env.MOTCUA_TEST_KAFKA_CREDENTIALS,
    };
    const kafkaSh = (command: string) => {
      const result = spawnSync('bash', [join(repoRoot(), 'infra/kafka/kafka.sh'), command], {
        env,
        encoding: 'utf8',
      });
      if (result.status !== 0 && command !== 'status')
        throw new Error(`kafka.sh ${command}: ${result.stdout}${result.stderr}`);
    };
    const brokers = [`127.0.0.1:${port}`];

    beforeAll(async () => {
      kafkaSh('start');
      await ensureTopics(brokers, testEnv.kafkaSasl('admin'));
    });
    afterAll(() => kafkaSh('stop'));

    it('delivers every committed event after the broker returns, once in effect, in order per key', async () => {
      const topic = await createTopic(brokers);
      const contract = ledgerContract(topic);
      const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
      const kafka = createKafka('relay-restart-test', brokers, logger, asAdmin());
      const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
      const group = `restart-${topic}`;
      const consumer = new EventConsumer({
        kafka,
        groupId: group,
        deadLetterTopic: `${topic}.dlq`,
        db,
        logger,
        subscriptions: [subscribe(contract, ledgerHandler(group))],
      });
      const uow = new UnitOfWork(db);
      try {
        relay.start();
        await consumer.start();
        await writeEntries(uow, contract, entries(6, 10, 0));
        kafkaSh('stop');
        await writeEntries(uow, contract, entries(6, 10, 10)); // committed while Kafka is down
        const [{ waiting }] = await db.$queryRawUnsafe<{ waiting: string }[]>(
          'SELECT count(*) AS waiting FROM outbox_event WHERE published_at IS NULL',
        );
        expect(Number(waiting)).toBeGreaterThan(0);
        kafkaSh('start');
        await writeEntries(uow, contract, entries(6, 10, 20));

        await waitFor(
          '180 entries applied',
          async () => {
            const rows = await db.$queryRawUnsafe<{ count: string }[]>(
              'SELECT count(*) FROM ledger WHERE consumer_group = $1',
              group,
            );
            return Number(rows[0].count) >= 180 ? true : undefined;
          },
          120_000,
        );
        const applied = await appliedByAccount(db, group);
        expect(applied.size).toBe(6);
        const expected = Array.from({ length: 30 }, (_, i) => i);
        for (const seqs of applied.values()) expect(seqs).toEqual(expected);
        // The relay took the lead again after the broker came back, and says so to the alerts.
        expect(
          (await metricsRegistry.getSingleMetric('motcua_outbox_relay_leader')!.get()).values[0]
            ?.value,
        ).toBe(1);
      } finally {
        await consumer.stop();
        await relay.stop();
        await drop();
      }
    });
  });
});
