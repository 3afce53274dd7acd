import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import {
  databaseName,
  databaseUrl,
  PrivatePostgres,
  PrivateRedis,
  provision,
  runDrill,
  type DrillStack,
  type Fault,
} from '@motcua/stack';
import { startService, TEST_DB_PREFIX, testEnv, type RunningService } from '@motcua/testing';

jest.setTimeout(600_000);

/**
 * CI-sized fault drills (the operator's versions are tools/drills/, see docs/operations/drills.md)
 * on a stack of the five services whose PostgreSQL and Redis belong to this test alone: a private
 * PostgreSQL (initdb/pg_ctl from the installed server binaries, its own port and data folder) and
 * a private redis-server, so crashing them never touches the machine's servers other people use.
 */
const OFFSET = Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0);
const PORTS: Record<ServiceName, number> = {
  catalog: 4901,
  dossiers: 4902,
  feedback: 4903,
  digitization: 4904,
  reporting: 4905,
};

/** A dashboard live stream (SSE) held open through a drill: when it saw a change, whether it ended. */
function watchLiveStream(url: string) {
  const seen = { changes: [] as number[], ended: false };
  const controller = new AbortController();
  void fetch(`${url}/dashboard/events`, { signal: controller.signal })
    .then(async (response) => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (decoder.decode(chunk).includes('"kind":"changed"')) seen.changes.push(Date.now());
      }
      seen.ended = true;
    })
    .catch(() => (seen.ended = !controller.signal.aborted));
  return { seen, close: () => controller.abort() };
}

describe('fault drills on a stack of its own', () => {
  const base = mkdtempSync(join(tmpdir(), 'motcua-drill-'));
  const postgres = new PrivatePostgres(join(base, 'postgres'), 20432 + OFFSET);
  const redis = new PrivateRedis(join(base, 'redis'), 20379 + OFFSET);
  const services: RunningService[] = [];
  let stack: DrillStack;

  beforeAll(async () => {
    chmodSync(base, 0o711); // the private server runs as the postgres user when the test runs as root
    postgres.init();
    postgres.start();
    await redis.start();
    const prefix = `${TEST_DB_PREFIX}_drill`;
    const infra = {
      mode: 'given' as const,
      postgresServerUrl: postgres.url,
      redisUrl: redis.url,
      kafkaBrokers: testEnv.kafkaBrokers(),
      kafkaCredentialsDir: testEnv.kafkaCredentialsDir(),
      stop: async () => undefined,
    };
    await provision(infra, prefix, () => undefined, { disposable: true });
    const databases = Object.fromEntries(
      SERVICES.map((s) => [s, databaseUrl(postgres.url, databaseName(prefix, s))]),
    ) as Record<ServiceName, string>;
    for (const service of SERVICES) {
      services.push(
        await startService(service, PORTS[service], {
          DATABASE_URL: databases[service],
          REDIS_URL: redis.url,
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
      postgresServer: postgres.url,
      kafkaBrokers: testEnv.kafkaBrokers(),
      kafkaSasl: testEnv.kafkaSasl('admin'),
      redisUrl: redis.url,
    };
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await redis.kill();
    postgres.destroy();
    rmSync(base, { recursive: true, force: true });
  });

  const logLines = (pattern: RegExp) =>
    Object.fromEntries(
      services.map((s) => [s.name, s.logs.filter((line) => pattern.test(line)).length]),
    );

  it('PostgreSQL crash-restart mid-burst: every service stays up and serves again within 10 s', async () => {
    const live = watchLiveStream(stack.services.reporting);
    let restoredAt = 0;
    const fault: Fault = {
      name: 'PostgreSQL stopped in immediate mode (a crash) and started again',
      databaseDown: true,
      inject: async () => postgres.stop('immediate'),
      restore: async () => {
        postgres.start();
        restoredAt = Date.now();
      },
    };
    const report = await runDrill({
      stack,
      fault,
      count: 240,
      concurrency: 16,
      injectAfter: 60,
      downMs: 10_000,
      log: (l) => process.stdout.write(`  ${l}\n`),
    });
    process.stdout.write(`${report.toString()}\n`);
    live.close();

    expect(report.failed).toEqual([]);
    expect(
      SERVICES.every((s) => services.find((r) => r.name === s)?.process.exitCode === null),
    ).toBe(true);
    expect(live.seen.ended).toBe(false);
    expect(live.seen.changes.some((at) => at > restoredAt)).toBe(true);
    // The outage is logged once per holder that pauses (the connections, each consumer group), not per request or retry.
    const outageLines = logLines(/unreachable \(/);
    process.stdout.write(`outage log lines: ${JSON.stringify(outageLines)}\n`);
    for (const service of SERVICES) expect(outageLines[service]).toBeLessThanOrEqual(3);
    for (const s of services) {
      const noisy = s.logs.filter((line) => /"level":"(warn|error)"/.test(line));
      process.stdout.write(
        `${s.name}: ${noisy.length} warn/error lines\n${noisy
          .slice(0, 8)
          .map((l) => `    ${l.slice(0, 300)}`)
          .join('\n')}\n`,
      );
    }
    expect(logLines(/Unhandled 'error' event|uncaughtException/)).toEqual(
      Object.fromEntries(SERVICES.map((s) => [s, 0])),
    );
  });

  it('Redis killed and started again: services keep answering, the live stream keeps its subscribers', async () => {
    const live = watchLiveStream(stack.services.reporting);
    let restoredAt = 0;
    const fault: Fault = {
      name: 'Redis killed (SIGKILL) and started again',
      inject: () => redis.kill(),
      restore: async () => {
        await redis.start();
        restoredAt = Date.now();
      },
    };
    const report = await runDrill({
      stack,
      fault,
      count: 120,
      concurrency: 8,
      injectAfter: 30,
      downMs: 5_000,
      log: (l) => process.stdout.write(`  ${l}\n`),
    });
    process.stdout.write(`${report.toString()}\n`);
    live.close();

    expect(report.failed).toEqual([]);
    expect(live.seen.ended).toBe(false);
    expect(live.seen.changes.some((at) => at > restoredAt)).toBe(true);
  });
});
