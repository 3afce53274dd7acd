import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { SERVICES, TOPICS, type ServiceName } from '@motcua/contracts';
import {
  commandFault,
  databaseName,
  databaseUrl,
  DOSSIER_TOPIC,
  KafkaCluster,
  kafkaSaslEnv,
  PORTAL_TOPIC,
  provision,
  repoRoot,
  runDrill,
  runPortalLeaderDrill,
  startService,
  TEST_DB_PREFIX,
  testEnv,
  type DrillStack,
  type RunningService,
} from '@motcua/testing';

jest.setTimeout(600_000);

/**
 * The Kafka drills of a three-node cluster (the operator's version is tools/drills/kafka-cluster.ts):
 * a cluster of its own (kafka.sh, KAFKA_NODES=3) on ports 29700-29705 (MOTCUA_TEST_CLUSTER_PORT
 * moves them), the five built services listing all three brokers, the test's PostgreSQL and Redis.
 */
const CLUSTER_PORT = Number(process.env.MOTCUA_TEST_CLUSTER_PORT ?? 29700);
const PORTS: Record<ServiceName, number> = {
  catalog: 4911,
  dossiers: 4912,
  feedback: 4913,
  digitization: 4914,
  reporting: 4915,
};

describe('Kafka as a three-node cluster', () => {
  const base = mkdtempSync(join(tmpdir(), 'motcua-cluster-'));
  const cluster = new KafkaCluster(join(base, 'kafka'), CLUSTER_PORT);
  const services: RunningService[] = [];
  let stack: DrillStack;
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const leaderOf = async (topic: string) =>
    (await cluster.partitions(topic)).find((p) => p.partition === 0)?.leader ?? -1;

  beforeAll(async () => {
    const t0 = Date.now();
    log(cluster.start().trim().split('\n').pop() ?? '');
    log(`cluster started in ${Date.now() - t0} ms`);
    const prefix = `${TEST_DB_PREFIX}_cluster`;
    await provision(
      {
        mode: 'given',
        postgresServerUrl: testEnv.postgresServer(),
        redisUrl: testEnv.redisUrl(),
        kafkaBrokers: cluster.brokers,
        kafkaCredentialsDir: cluster.credentialsDir,
        stop: async () => undefined,
      },
      prefix,
      log,
      { disposable: true },
    );
    const databases = Object.fromEntries(
      SERVICES.map((s) => [s, databaseUrl(testEnv.postgresServer(), databaseName(prefix, s))]),
    ) as Record<ServiceName, string>;
    for (const service of SERVICES) {
      services.push(
        await startService(service, PORTS[service], {
          DATABASE_URL: databases[service],
          KAFKA_BROKERS: cluster.brokers.join(','),
          ...kafkaSaslEnv(cluster.sasl(service)),
          STORAGE_DIR: join(base, 'files'),
        }),
      );
    }
    stack = {
      services: Object.fromEntries(services.map((s) => [s.name, s.url])) as Record<
        ServiceName,
        string
      >,
      databases,
      postgresServer: testEnv.postgresServer(),
      kafkaBrokers: cluster.brokers,
      kafkaSasl: cluster.sasl('admin'),
      redisUrl: testEnv.redisUrl(),
    };
    log(`stack ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    try {
      cluster.stop();
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('creates every contract topic with three replicas and min.insync.replicas 2', async () => {
    const admin = new Kafka({
      clientId: 'motcua-cluster-test',
      brokers: cluster.brokers,
      sasl: cluster.sasl('admin'),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const names = Object.keys(TOPICS);
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      for (const topic of topics) {
        expect(topic.partitions).toHaveLength(TOPICS[topic.name as keyof typeof TOPICS].partitions);
        for (const p of topic.partitions) expect(new Set(p.replicas).size).toBe(3);
      }
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: names.map((name) => ({
          type: 2, // TOPIC
          name,
          configNames: ['min.insync.replicas'],
        })),
      });
      expect(resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue])).toEqual(
        names.map((name) => [name, '2']),
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('a broker SIGKILLed mid-burst: no event lost or doubled in effect', async () => {
    const victim = await leaderOf(DOSSIER_TOPIC);
    const kafkaSh = `KAFKA_NODES=3 KAFKA_PORT=${cluster.port} KAFKA_DATA_DIR='${cluster.dataDir}' bash '${repoRoot()}/infra/kafka/kafka.sh'`;
    const report = await runDrill({
      stack,
      fault: commandFault(
        `node ${victim} (leader of ${DOSSIER_TOPIC} partition 0) killed (SIGKILL), started again`,
        `${kafkaSh} kill-node ${victim}`,
        `${kafkaSh} start-node ${victim}`,
      ),
      count: 150,
      concurrency: 12,
      injectAfter: 40,
      downMs: 8_000,
      servingWithinMs: 30_000,
      log,
    });
    process.stdout.write(`${report.toString()}\n`);
    expect(report.failed).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(8);
  });

  it('the leader of the portal topic SIGKILLed: a portal consumer continues', async () => {
    const report = await runPortalLeaderDrill({
      stack,
      portal: cluster.sasl('portal'),
      leaderOf: () => leaderOf(PORTAL_TOPIC),
      killLeader: async (node) => void cluster.killNode(node),
      restore: async (node) => void cluster.startNode(node),
      count: 40,
      log,
    });
    process.stdout.write(`${report.toString()}\n`);
    expect(report.failed).toEqual([]);
  });
});
