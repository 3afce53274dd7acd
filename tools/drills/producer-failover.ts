/**
 * The outbox relay's producer (RelayProducer, its settings and its check) against a partition
 * leader SIGKILLed mid-send, many times over, without the services: a quick way to count lost
 * events (acknowledged by Kafka, not in the log) before and after a change of the producer or of
 * KafkaJS. Needs a running three-node cluster of infra/kafka (KAFKA_NODES=3; KAFKA_PORT, default
 * 29700, and KAFKA_DATA_DIR, default infra/kafka/.data-cluster, say which); it creates a topic of
 * its own per trial (6 partitions, 3 replicas, min.insync.replicas 2) and deletes none.
 *   TRIALS (5)            trials, each: a relay-like loop sends keyed events in batches (one
 *                         send at a time, the batch resent after a failure, as the relay does),
 *                         the leader of partition 0 is SIGKILLed mid-burst, started again after
 *                         the check; every acknowledged event is then looked for in the topic
 *   FAILOVER_IDEMPOTENT   1 to measure with the idempotent producer (the relay's is not)
 *   FAILOVER_TRUST=1      mark a batch sent when sendBatch resolved, as the relay did before
 *                         ADR 0028, instead of failing it when a partition is unacknowledged
 *   node -r ./tools/register-ts.js tools/drills/producer-failover.ts
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { createKafka, RelayProducer, UnacknowledgedPartitionsError } from '@motcua/messaging';
import { KafkaCluster, repoRoot } from '@motcua/stack';

const env = process.env;
const root = repoRoot();

const cluster = new KafkaCluster(
  env.KAFKA_DATA_DIR ?? join(root, 'infra/kafka/.data-cluster'),
  Number(env.KAFKA_PORT ?? 29700),
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

const kafkaErrors = new Map<string, number>();
/** KafkaJS's warnings and errors, counted by message (numbers masked). */
const countingLogger = pino(
  { level: 'warn' },
  {
    write(line: string) {
      const key = String((JSON.parse(line) as { msg?: unknown }).msg)
        .replace(/\d+/g, 'N')
        .slice(0, 90);
      kafkaErrors.set(key, (kafkaErrors.get(key) ?? 0) + 1);
    },
  },
);
/** The relay's own client (createKafka in libs/messaging), signed in as the cluster's admin. */
const client = () =>
  createKafka('motcua-producer-failover', cluster.brokers, countingLogger, {
    sasl: cluster.sasl('admin'),
  });

type Trial = {
  acked: number;
  lost: number;
  duplicated: number;
  failedSends: number;
  unacknowledged: number;
};

async function trial(n: number): Promise<Trial> {
  const topic = `drill.producer-failover.${Date.now()}.${n}`;
  const admin = client().admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic,
        numPartitions: 6,
        replicationFactor: 3,
        configEntries: [{ name: 'min.insync.replicas', value: '2' }],
      },
    ],
  });
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const victim = topics[0].partitions.find((p) => p.partitionId === 0)!.leader;

  const kafka = client();
  const idempotent = env.FAILOVER_IDEMPOTENT === '1';
  let producer = new RelayProducer(kafka, { idempotent });
  let connected = false;
  const outbox: string[] = [];
  const acked = new Set<string>();
  const result: Trial = { acked: 0, lost: 0, duplicated: 0, failedSends: 0, unacknowledged: 0 };
  let producing = true;
  const writer = (async () => {
    while (producing) {
      for (let i = 0; i < 3; i += 1) outbox.push(randomUUID());
      await sleep(20);
    }
  })();
  const relay = (async () => {
    let backoff = 100;
    while (producing || outbox.length > 0) {
      const batch = outbox.slice(0, 40);
      if (batch.length === 0) {
        await sleep(20);
        continue;
      }
      try {
        if (!connected) await producer.producer.connect();
        connected = true;
        try {
          await producer.send([{ topic, messages: batch.map((id) => ({ key: id, value: id })) }]);
        } catch (error) {
          if (!(error instanceof UnacknowledgedPartitionsError)) throw error;
          result.unacknowledged += 1;
          log(`trial ${n}: ${error.message}`);
          if (env.FAILOVER_TRUST !== '1') throw error;
        }
        outbox.splice(0, batch.length);
        for (const id of batch) acked.add(id);
        backoff = 100;
      } catch (error) {
        result.failedSends += 1;
        log(`trial ${n}: send failed (${(error as Error).name}: ${(error as Error).message})`);
        await producer.producer.disconnect().catch(() => undefined);
        producer = new RelayProducer(kafka, { idempotent });
        connected = false;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  })();

  while (acked.size < 300) await sleep(10);
  log(`trial ${n}: ${acked.size} acknowledged; SIGKILL node ${victim} (leader of ${topic} p0)`);
  cluster.killNode(victim);
  await sleep(12_000);
  producing = false;
  await writer;
  await relay;
  await producer.producer.disconnect();
  result.acked = acked.size;

  const seen = new Map<string, number>();
  const ends = await admin.fetchTopicOffsets(topic);
  const total = ends.reduce((sum, p) => sum + Number(p.high), 0);
  const consumer = kafka.consumer({ groupId: `motcua-failover-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let read = 0;
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.value!.toString();
      seen.set(id, (seen.get(id) ?? 0) + 1);
      read += 1;
    },
  });
  const deadline = Date.now() + 60_000;
  while (read < total && Date.now() < deadline) await sleep(200);
  await consumer.disconnect();
  await admin.disconnect();
  const lost = [...acked].filter((id) => !seen.has(id));
  result.lost = lost.length;
  result.duplicated = [...seen.values()].filter((c) => c > 1).length;
  log(
    `trial ${n}: ${JSON.stringify(result)}${lost.length ? ` lost e.g. ${lost.slice(0, 3).join(' ')}` : ''}`,
  );
  log(`trial ${n}: starting node ${victim} again`);
  cluster.startNode(victim);
  return result;
}

async function main(): Promise<void> {
  const trials = Number(env.TRIALS ?? 5);
  const results: Trial[] = [];
  for (let n = 1; n <= trials; n += 1) results.push(await trial(n));
  const sum = (k: keyof Trial) => results.reduce((s, r) => s + r[k], 0);
  log(
    `${trials} trials (idempotent ${env.FAILOVER_IDEMPOTENT === '1'}, trust ${env.FAILOVER_TRUST === '1'}): ` +
      `${sum('acked')} acknowledged, ${sum('lost')} lost in ${results.filter((r) => r.lost > 0).length} trials, ` +
      `${sum('duplicated')} duplicated, ${sum('failedSends')} failed sends, ${sum('unacknowledged')} answers without a partition`,
  );
  log(`KafkaJS errors: ${JSON.stringify([...kafkaErrors])}`);
  process.exitCode = sum('lost') > 0 ? 1 : 0;
}

main()
  .catch((error: Error) => {
    process.stderr.write(`aborted: ${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  })
  .finally(() => setTimeout(() => process.exit(), 500).unref());
