import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { SERVICES, TOPICS, type ServiceName } from '@motcua/contracts';
import {
  databaseName,
  databaseUrl,
  DOSSIER_TOPIC,
  intakeBurst,
  KafkaCluster,
  keepClusterEvidence,
  kafkaSaslEnv,
  PORTAL_TOPIC,
  provision,
  publishDrillProcedure,
  runDrill,
  runPortalLeaderDrill,
  type DrillStack,
} from '@motcua/stack';
import { startService, TEST_DB_PREFIX, testEnv, type RunningService } from '@motcua/testing';

jest.setTimeout(600_000);

/**
 * The Kafka drills of a three-node cluster (the operator's version is tools/drills/kafka-cluster.ts):
 * a cluster of its own (kafka.sh, KAFKA_NODES=3) on ports 29700-29705 (MOTCUA_TEST_CLUSTER_PORT
 * moves them), the five built services listing all three brokers, the test's PostgreSQL and Redis.
 */
const CLUSTER_PORT = Number(process.env.MOTCUA_TEST_CLUSTER_PORT ?? 29700);
// Each client signs in to three brokers (SCRAM) with a consumer, a producer and an admin each: on a
// loaded two-core machine reporting's start alone took over a minute.
process.env.MOTCUA_TEST_SERVICE_START_MS ??= '180000';
// Ports no other spec uses (bench-smoke starts services on 4911-4915 in the same run), moved by
// MOTCUA_TEST_PORT_OFFSET (startService adds it) for checkouts side by side.
const PORTS: Record<ServiceName, number> = {
  catalog: 4971,
  dossiers: 4972,
  feedback: 4973,
  digitization: 4974,
  reporting: 4975,
};

describe('Kafka as a three-node cluster', () => {
  const base = mkdtempSync(join(tmpdir(), 'motcua-cluster-'));
  const cluster = new KafkaCluster(join(base, 'kafka'), CLUSTER_PORT);
  const services: RunningService[] = [];
  let stack: DrillStack;
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  /** The tests that failed: the cluster's folder and the evidence are then kept (see afterAll). */
  const failed: string[] = [];
  const drillTest = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      try {
        await body();
      } catch (error) {
        failed.push(name);
        throw error;
      }
    });
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
    let evidence: string | undefined;
    if (failed.length > 0 && stack)
      evidence = await keepClusterEvidence({
        dir: base,
        cluster,
        topic: DOSSIER_TOPIC,
        dossiersDatabaseUrl: stack.databases.dossiers,
        services,
      }).catch((error: Error) => `${base} (evidence not written: ${error.message})`);
    await Promise.all(services.map((s) => s.stop()));
    try {
      cluster.stop();
    } finally {
      if (failed.length === 0) rmSync(base, { recursive: true, force: true });
      else
        log(
          `${failed.length} failed (${failed.join('; ')}): the cluster's data and logs are kept in ${base}/kafka (node-N/kafka.log, node-N/kraft-combined-logs), the evidence in ${evidence}`,
        );
    }
  });

  drillTest(
    'creates every contract topic with three replicas and min.insync.replicas 2',
    async () => {
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
          expect(topic.partitions).toHaveLength(
            TOPICS[topic.name as keyof typeof TOPICS].partitions,
          );
          for (const p of topic.partitions) expect(new Set(p.replicas).size).toBe(3);
        }
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: names.map((name) => ({
            type: 2, // TOPIC
            name,
            configNames: ['min.insync.replicas', 'unclean.leader.election.enable'],
          })),
        });
        // An out-of-sync replica never becomes leader: an acknowledged event is never truncated.
        const value = (entries: { configName: string; configValue: string }[], name: string) =>
          entries.find((e) => e.configName === name)?.configValue;
        expect(
          resources.map((r) => [
            r.resourceName,
            value(r.configEntries, 'min.insync.replicas'),
            value(r.configEntries, 'unclean.leader.election.enable'),
          ]),
        ).toEqual(names.map((name) => [name, '2', 'false']));
      } finally {
        await admin.disconnect();
      }
    },
  );

  drillTest('a broker SIGKILLed mid-burst: no event lost or doubled in effect', async () => {
    const victim = await leaderOf(DOSSIER_TOPIC);
    const report = await runDrill({
      stack,
      fault: {
        name: `node ${victim} (leader of ${DOSSIER_TOPIC} partition 0) killed (SIGKILL), started again`,
        inject: async () => void cluster.killNode(victim),
        restore: async () => void cluster.startNode(victim),
      },
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

  drillTest('the leader of the portal topic SIGKILLed: a portal consumer continues', async () => {
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

  drillTest(
    'a node whose disk is lost is replaced: a voter again, every partition back in sync on three',
    async () => {
      const voters = () =>
        cluster
          .kafkaSh('quorum')
          .split('\n')
          .filter((line) => line.startsWith('voter '))
          .map((line) => line.split(' ').slice(1, 4).join(' '));
      const before = voters();
      expect(before).toHaveLength(3);
      const replaced = cluster.kafkaSh('replace-node', '3');
      log(replaced.trim().split('\n').slice(-3).join(' | '));
      const after = voters();
      expect(after).toHaveLength(3);
      expect(after.filter((v) => v.startsWith('3 '))).toHaveLength(1);
      expect(after.find((v) => v.startsWith('3 '))).not.toEqual(
        before.find((v) => v.startsWith('3 ')),
      );
      // Every partition, the consumer groups' offsets included (their coordinators live there):
      // a test after this one starts on a cluster in sync again.
      const topics = [...Object.keys(TOPICS), '__consumer_offsets'];
      const outOfSync = async () => {
        const lagging: string[] = [];
        for (const topic of topics)
          for (const p of await cluster.partitions(topic))
            if (p.isr.length < 3) lagging.push(`${topic}/${p.partition}`);
        return lagging;
      };
      const deadline = Date.now() + 90_000;
      let lagging = await outOfSync();
      while (lagging.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        lagging = await outOfSync();
      }
      expect(lagging).toEqual([]);
    },
  );

  drillTest(
    'rotating a service identity: the old password is refused, the service restarted with the new one catches up',
    async () => {
      const signIn = async (sasl: ReturnType<KafkaCluster['sasl']>) => {
        const admin = new Kafka({
          clientId: 'motcua-rotation-test',
          brokers: cluster.brokers,
          sasl,
          logLevel: logLevel.NOTHING,
          retry: { retries: 0 },
        }).admin();
        try {
          await admin.connect();
          return 'signed in';
        } catch (error) {
          return (error as Error).name;
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      };
      const old = cluster.sasl('reporting');
      cluster.kafkaSh('rotate', 'reporting');
      const rotated = cluster.sasl('reporting');
      expect(rotated.password).not.toBe(old.password);
      expect(await signIn(old)).toBe('KafkaJSSASLAuthenticationError');
      expect(await signIn(rotated)).toBe('signed in');
      // One service restarted (the upgrade path) with its new credentials while the others run.
      const index = services.findIndex((s) => s.name === 'reporting');
      await services[index].stop();
      const { count } = await runIntakeWhileDown();
      services[index] = await startService('reporting', PORTS.reporting, {
        DATABASE_URL: stack.databases.reporting,
        KAFKA_BROKERS: cluster.brokers.join(','),
        ...kafkaSaslEnv(rotated),
        STORAGE_DIR: join(base, 'files'),
      });
      const deadline = Date.now() + 60_000;
      let facts = 0;
      while (facts < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        facts = await factsOf(lastProcedure);
      }
      expect(facts).toBe(count);
    },
  );

  let lastProcedure = '';
  /** Intakes while reporting is down: dossiers answers them, reporting projects them once back. */
  async function runIntakeWhileDown(): Promise<{ count: number }> {
    const procedure = await publishDrillProcedure(stack);
    lastProcedure = procedure.code;
    const outcome = await intakeBurst(stack, procedure, { count: 10, concurrency: 2 });
    expect(outcome.created).toHaveLength(10);
    return { count: 10 };
  }

  async function factsOf(procedureCode: string): Promise<number> {
    const db = new Client({ connectionString: stack.databases.reporting });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(DISTINCT dossier_id) AS n FROM dossier_fact WHERE procedure_code = $1`,
        [procedureCode],
      );
      return Number(rows[0].n);
    } finally {
      await db.end();
    }
  }
});
