import { buildEvent, toKafkaRecord } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import { EventConsumer, subscribe } from '../src/consumer/event-consumer';
import { createKafka } from '../src/kafka-client';
import { PgDatabase } from './pg-database';
import {
  asAdmin,
  createTopic,
  ledgerContract,
  ledgerHandler,
  logger,
  messagingDatabase,
  readTopic,
} from './harness';

jest.setTimeout(120_000);

describe('event consumer while its database is down', () => {
  it('waits instead of dead-lettering, then applies everything once the database is back', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 2);
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const name = new URL(url).pathname.slice(1);
    const server = new PgDatabase(testEnv.postgresServer());
    const group = `dbdown-${topic}`;
    const consumer = new EventConsumer({
      kafka: createKafka('dbdown-test', brokers, logger, asAdmin()),
      groupId: group,
      deadLetterTopic: `${topic}.dlq`,
      db,
      logger,
      subscriptions: [subscribe(contract, ledgerHandler(group))],
    });
    const producer = testKafka(brokers).producer();
    const setConnections = async (allowed: boolean) => {
      await server.$executeRawUnsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);
      if (!allowed) {
        await server.$executeRawUnsafe(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          name,
        );
      }
    };
    try {
      await consumer.start();
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
      await new Promise((resolve) => setTimeout(resolve, 4000)); // several retry rounds against the closed database
      await setConnections(true);

      await waitFor(
        '10 entries applied after the database returned',
        async () => {
          const rows = await db.$queryRawUnsafe<{ count: string }[]>(
            'SELECT count(*) FROM ledger WHERE consumer_group = $1',
            group,
          );
          return Number(rows[0].count) >= 10 ? true : undefined;
        },
        60000,
      );
      const deadLetters = await readTopic(brokers, `${topic}.dlq`, 1, 3000);
      expect(deadLetters).toHaveLength(0);
    } finally {
      await setConnections(true).catch(() => undefined);
      await producer.disconnect();
      await consumer.stop();
      await server.end();
      await drop();
    }
  });
});
