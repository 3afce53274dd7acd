import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_AUDIENCE } from '@motcua/auth';
import type { ServiceName } from '@motcua/contracts';
import { SERVICE_NODE_OPTIONS, kafkaSaslEnv, repoRoot, waitFor } from '@motcua/stack';
import { testEnv } from './test-env';

/**
 * The environment a test starts a built service with: the test infrastructure, the service's own
 * Kafka identity and `port`; also what a test runs a one-off command of the service with
 * (`node dist/apps/<name>/main.js --replay-dead-letters …`).
 */
export function serviceTestEnv(
  name: ServiceName,
  port: number,
  extraEnv: Record<string, string> = {},
): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: SERVICE_NODE_OPTIONS,
    PORT: String(port),
    DATABASE_URL: testEnv.databaseUrl(name),
    REDIS_URL: testEnv.redisUrl(),
    KAFKA_BROKERS: testEnv.kafkaBrokers().join(','),
    // Each service signs in to the SASL test broker as its own principal.
    KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
    ...kafkaSaslEnv(testEnv.kafkaSasl(name)),
    AUTH_JWKS_URL: testEnv.jwksUrl(),
    AUTH_ISSUER: testEnv.authIssuer(),
    AUTH_AUDIENCE: DEV_AUDIENCE,
    // Only the dossiers service keys applicants; the others never see the secret.
    ...(name === 'dossiers' ? { APPLICANT_KEY_SECRET: testEnv.applicantKeySecret() } : {}),
    LOG_LEVEL: 'info',
    METRICS_PORT: '0',
    // Every JSON success answer is checked against its documented response schema (ADR 0031).
    RESPONSE_SCHEMA_CHECK: 'enforce',
    ...extraEnv,
  };
}

/** `metricsUrl`: the management port's /metrics (METRICS_PORT, a free port the service picks and logs). */
export type RunningService = {
  name: ServiceName;
  url: string;
  metricsUrl: string;
  process: ChildProcess;
  logs: string[];
  stop: () => Promise<void>;
};

/**
 * Services still starting, by test file (each file has its own global). When a `beforeAll` times
 * out while `startService` waits, the test never gets the handle to stop it: the integration
 * set-up (tools/test/integration-setup.js) stops these after the file instead of leaving them
 * running into the next files.
 */
const STARTING = Symbol.for('motcua.test.servicesStarting');
function servicesStarting(): Set<ChildProcess> {
  const registry = globalThis as { [STARTING]?: Set<ChildProcess> };
  return (registry[STARTING] ??= new Set());
}

/**
 * Starts a built service (dist/apps/<name>/main.js) as its own process against the
 * test infrastructure, and waits until /health answers 200. Black-box: the test
 * talks to it only over HTTP and Kafka, as the portal and other services do.
 */
export async function startService(
  name: ServiceName,
  requestedPort: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningService> {
  // MOTCUA_TEST_PORT_OFFSET shifts every test service's port, for checkouts side by side.
  const port = requestedPort + Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0);
  const main = join(repoRoot(), 'dist', 'apps', name, 'main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: build the services first (npx nx run-many -t build)`);
  const logs: string[] = [];
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    env: serviceTestEnv(name, port, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servicesStarting().add(child);
  try {
    return await waitUntilServing(name, `http://127.0.0.1:${port}`, child, logs);
  } finally {
    servicesStarting().delete(child);
  }
}

async function waitUntilServing(
  name: ServiceName,
  url: string,
  child: ChildProcess,
  logs: string[],
): Promise<RunningService> {
  const keep = (chunk: Buffer) => {
    logs.push(...chunk.toString().split('\n').filter(Boolean));
    if (logs.length > 2000) logs.splice(0, logs.length - 2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15000).unref();
    });
  try {
    await waitFor(
      `${name} /health`,
      async () => {
        if (child.exitCode !== null) return 'exited';
        const response = await fetch(`${url}/health`).catch(() => undefined);
        return response?.status === 200 ? 'up' : undefined;
      },
      // A loaded machine (several checkouts' suites at once) can take longer than 30 s.
      Number(process.env.MOTCUA_TEST_SERVICE_START_MS ?? 60_000),
    ).then((state) => {
      if (state === 'exited')
        throw new Error(`${name} exited with ${child.exitCode}:\n${logs.slice(-20).join('\n')}`);
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logs.slice(-20).join('\n')}`);
  }
  // The management port opens just after the public one; the service logs the port it got.
  const metricsPort = await waitFor(
    `${name} metrics port`,
    async () => logs.map((line) => /"metricsPort":(\d+)/.exec(line)?.[1]).find(Boolean),
    10000,
  ).catch(async (error: Error) => {
    await stop();
    throw new Error(`${error.message}\n${logs.slice(-20).join('\n')}`);
  });
  return {
    name,
    url,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    process: child,
    logs,
    stop,
  };
}
