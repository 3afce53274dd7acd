import { spawnSync } from 'node:child_process';
import type { CloudEvent } from '@motcua/contracts';
import { kafkaSaslEnv } from '@motcua/stack';
import { repoRoot, testEnv, waitFor } from '@motcua/testing';
import { PermanentError } from '../src/consumer/errors';
import { EventConsumer, subscribe } from '../src/consumer/event-consumer';
import { readDeadLetters, replayDeadLetters } from '../src/dead-letters/dead-letters';
import { createKafka } from '../src/kafka-client';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { UnitOfWork } from '../src/outbox/unit-of-work';
import type { SqlTransaction } from '../src/sql-client';
import {
  appliedByAccount,
  asAdmin,
  createTopic,
  ledgerContract,
  ledgerHandler,
  logger,
  messagingDatabase,
  writeEntries,
} from './harness';

jest.setTimeout(180_000);

/** The operators' tool, as they run it. */
function deadLettersTool(args: string[]) {
  return spawnSync(
    process.execPath,
    ['-r', './tools/register-ts.js', 'tools/dead-letters/dead-letters.ts', ...args],
    {
      cwd: repoRoot(),
      // Signed in as the test broker's admin, as an operator signs in as the cluster's.
      env: {
        ...process.env,
        KAFKA_BROKERS: testEnv.kafkaBrokers().join(','),
        ...kafkaSaslEnv(testEnv.kafkaSasl('admin')),
      },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
}

describe('dead-letter tool against the real broker and database', () => {
  it('lists a refused event, replays it after the fix exactly once, and a second replay changes nothing', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1);
    const deadLetterTopic = `${topic}.dlq`;
    const contract = ledgerContract(topic);
    const { db, url, drop } = await messagingDatabase(testEnv.postgresServer());
    const kafka = createKafka('dead-letter-tool-test', brokers, logger, asAdmin());
    const relay = new OutboxRelay({ databaseUrl: url, kafka, logger });
    const group = `tool-${topic}`;
    // The consumer refuses poison entries until the fix is deployed.
    let fixed = false;
    const apply = ledgerHandler(group);
    const handler = async (
      event: CloudEvent<{ account: string; seq: number; poison?: boolean }>,
      tx: SqlTransaction,
    ) => {
      if (event.data.poison && !fixed)
        throw new PermanentError(
          `entry ${event.data.account}/${event.data.seq} is refused until the fix`,
        );
      await apply({ ...event, data: { ...event.data, poison: false } }, tx);
    };
    const consumer = new EventConsumer({
      kafka,
      groupId: group,
      deadLetterTopic,
      db,
      logger,
      subscriptions: [subscribe(contract, handler)],
    });
    try {
      await writeEntries(new UnitOfWork(db), contract, [
        { account: 'ACC-1', seq: 0 },
        { account: 'ACC-1', seq: 1, poison: true },
        { account: 'ACC-1', seq: 2 },
      ]);
      relay.start();
      await consumer.start();
      await waitFor('the good entries', async () =>
        (await appliedByAccount(db, group)).get('ACC-1')?.length === 2 ? true : undefined,
      );

      const listed = deadLettersTool(['list', deadLetterTopic, '--json']);
      expect(listed.status).toBe(0);
      const letters = JSON.parse(listed.stdout) as {
        id: string;
        reason: string;
        type: string;
        eventId: string;
        error: string;
      }[];
      expect(letters).toEqual([
        expect.objectContaining({
          id: '0:0',
          reason: 'rejected',
          type: 'motcua.test.ledger-entry.v1',
          error: expect.stringMatching(/refused until the fix/),
        }),
      ]);
      expect(
        JSON.parse(
          deadLettersTool(['list', deadLetterTopic, '--json', '--reason', 'malformed']).stdout,
        ),
      ).toEqual([]);

      const inspected = deadLettersTool(['inspect', deadLetterTopic, '0:0']);
      expect(JSON.parse(inspected.stdout)).toMatchObject({
        id: '0:0',
        value: expect.stringContaining('"poison":true'),
      });

      const dryRun = deadLettersTool(['replay', deadLetterTopic, '--dry-run']);
      expect(JSON.parse(dryRun.stdout)).toEqual({
        dryRun: true,
        replayed: [
          {
            id: '0:0',
            to: topic,
            type: 'motcua.test.ledger-entry.v1',
            eventId: letters[0].eventId,
          },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect((await appliedByAccount(db, group)).get('ACC-1')).toEqual([0, 2]); // a dry run sends nothing

      fixed = true;
      const replayed = deadLettersTool([
        'replay',
        deadLetterTopic,
        '--type',
        'motcua.test.ledger-entry.v1',
      ]);
      expect(replayed.status).toBe(0);
      await waitFor('the replayed entry', async () =>
        (await appliedByAccount(db, group)).get('ACC-1')?.length === 3 ? true : undefined,
      );
      expect((await appliedByAccount(db, group)).get('ACC-1')).toEqual([0, 2, 1]);

      // Replaying again (the library path) reaches the consumer, whose inbox drops the event.
      await replayDeadLetters(
        kafka,
        deadLetterTopic,
        await readDeadLetters(kafka, deadLetterTopic),
      );
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const rows = await db.$queryRawUnsafe<{ n: string }[]>(
        'SELECT count(*) AS n FROM ledger WHERE consumer_group = $1',
        group,
      );
      expect(Number(rows[0].n)).toBe(3);
    } finally {
      await consumer.stop();
      await relay.stop();
      await drop();
    }
  });

  it('refuses to replay a malformed message unless forced, and names bad options', async () => {
    const brokers = testEnv.kafkaBrokers();
    const topic = await createTopic(brokers, 1);
    const kafka = createKafka('dead-letter-tool-malformed', brokers, logger, asAdmin());
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${topic}.dlq`,
      messages: [
        {
          key: 'x',
          value: 'not json',
          headers: {
            dlq_reason: 'malformed',
            dlq_original_topic: topic,
            dlq_failed_at: new Date().toISOString(),
          },
        },
      ],
    });
    await producer.disconnect();
    const refused = deadLettersTool(['replay', `${topic}.dlq`]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /refusing to replay malformed messages without a CloudEvents id \(0:0\)/,
    );
    const bad = deadLettersTool(['list', `${topic}.dlq`, '--since', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since needs an ISO date-time/);
  });
});
