import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, type CloudEvent, type TopicName } from '@motcua/contracts';
import { createLogger } from '@motcua/observability';
import { databaseUrl, ensureDatabases } from '@motcua/stack';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import type { KafkaSecurity } from '../src/kafka-client';
import { PermanentError } from '../src/consumer/errors';
import type { UnitOfWork } from '../src/outbox/unit-of-work';
import type { SqlTransaction } from '../src/sql-client';
import { MESSAGING_TEST_SCHEMA, PgDatabase } from './pg-database';

export const logger = createLogger('messaging-test', 'warn');

/** The test broker admits signed-in identities only: these tests use its admin (any topic, any group). */
export const asAdmin = (): KafkaSecurity => ({ sasl: testEnv.kafkaSasl('admin') });

/** A contract on a topic of its own, so a test never sees another run's messages. */
export function ledgerContract(topic: string) {
  return defineEvent({
    name: 'motcua.test.ledger-entry',
    version: 1,
    topic: topic as TopicName,
    keyField: 'account',
    source: '/motcua/test',
    summary: 'A numbered entry of an account, to check order and exactly-once effect.',
    schema: z.object({
      account: z.string().min(1),
      seq: z.number().int().nonnegative(),
      poison: z.boolean().optional(),
    }),
    example: { account: 'A', seq: 0 },
  });
}
export type LedgerContract = ReturnType<typeof ledgerContract>;

export async function createTopic(brokers: string[], partitions = 6): Promise<string> {
  const topic = `test.messaging.${randomUUID().slice(0, 8)}`;
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: false,
      topics: [
        { topic, numPartitions: partitions, replicationFactor: 1 },
        { topic: `${topic}.dlq`, numPartitions: 1, replicationFactor: 1 },
      ],
    });
    // A broker that has just started may need a moment before it leads the new partitions.
    await waitFor(
      `leaders of ${topic}`,
      async () => {
        const { topics } = await admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] });
        return topics.every((t) => t.partitions.every((p) => p.leader >= 0)) ? true : undefined;
      },
      30000,
    );
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** A fresh database per test: its outbox holds only that test's rows. Dropped by `drop()`. */
export async function messagingDatabase(
  serverUrl: string,
): Promise<{ db: PgDatabase; url: string; drop: () => Promise<void> }> {
  const name = `motcua_test_messaging_${randomUUID().slice(0, 8)}`;
  await ensureDatabases(serverUrl, [name]);
  const url = databaseUrl(serverUrl, name);
  const db = new PgDatabase(url);
  await db.$executeRawUnsafe(MESSAGING_TEST_SCHEMA);
  const drop = async () => {
    await db.end();
    const admin = new PgDatabase(serverUrl);
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  return { db, url, drop };
}

/** Writes entries through the outbox, one transaction each, as a service would. */
export async function writeEntries(
  uow: UnitOfWork<SqlTransaction>,
  contract: LedgerContract,
  entries: { account: string; seq: number; poison?: boolean }[],
) {
  for (const entry of entries) {
    await uow.run(async (_tx, events) => {
      events.publish(contract, entry);
    });
  }
}

/** The effect a handler makes: one ledger row per applied entry. */
export function ledgerHandler(group: string) {
  return async (
    event: CloudEvent<{ account: string; seq: number; poison?: boolean }>,
    tx: SqlTransaction,
  ) => {
    if (event.data.poison)
      throw new PermanentError(
        `entry ${event.data.account}/${event.data.seq} is refused by a business rule`,
      );
    await tx.$executeRawUnsafe(
      'INSERT INTO ledger (consumer_group, account, seq, event_id) VALUES ($1, $2, $3, $4)',
      group,
      event.data.account,
      event.data.seq,
      event.id,
    );
  };
}

/** Entries per account in the order they were applied. */
export async function appliedByAccount(
  db: PgDatabase,
  group: string,
): Promise<Map<string, number[]>> {
  const rows = await db.$queryRawUnsafe<{ account: string; seq: number }[]>(
    'SELECT account, seq FROM ledger WHERE consumer_group = $1 ORDER BY id',
    group,
  );
  const byAccount = new Map<string, number[]>();
  for (const row of rows)
    byAccount.set(row.account, [...(byAccount.get(row.account) ?? []), row.seq]);
  return byAccount;
}

export function entries(accounts: number, perAccount: number, from = 0) {
  return Array.from({ length: perAccount }, (_, i) =>
    Array.from({ length: accounts }, (_, a) => ({ account: `ACC-${a}`, seq: from + i })),
  ).flat();
}

/** Reads every message of a topic from the beginning with a throw-away group. */
export async function readTopic(
  brokers: string[],
  topic: string,
  expected: number,
  timeoutMs = 20000,
) {
  const consumer = testKafka(brokers).consumer({ groupId: `reader-${randomUUID()}` });
  const messages: { key: string; headers: Record<string, string>; value: string }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [
          k,
          String(Array.isArray(v) ? v[0] : v),
        ]),
      );
      messages.push({
        key: message.key?.toString() ?? '',
        headers,
        value: message.value?.toString() ?? '',
      });
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (messages.length < expected && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return messages;
}
