import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE } from '@motcua/auth';
import { waitFor } from '@motcua/stack';
import { repoRoot, testEnv } from '@motcua/testing';

/** The standard stack's feedback port (tools/stack/common.sh), moved into this checkout's range. */
const OFFSET = Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0) + 1900;
const PORT = 3103 + OFFSET;

/**
 * `tools/stack/start-service.sh`, the runbooks' restart of one service of a running `npm run up`
 * stack: given the stack's environment file (here pointing at the test infrastructure, in a
 * folder of its own and on ports of its own), it starts the built service in the background and
 * records its pid; run again while it runs, it starts nothing.
 */
describe('tools/stack/start-service.sh', () => {
  const stackDir = mkdtempSync(join(tmpdir(), 'motcua-stack-'));
  const startService = (service: string) =>
    spawnSync('bash', [join(repoRoot(), 'tools/stack/start-service.sh'), service], {
      env: { ...process.env, MOTCUA_STACK_DIR: stackDir, MOTCUA_STACK_PORT_OFFSET: String(OFFSET) },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const pid = () => Number(readFileSync(join(stackDir, 'feedback.pid'), 'utf8').trim());

  afterAll(async () => {
    try {
      process.kill(pid(), 'SIGTERM');
      await waitFor(
        'the started feedback service to exit',
        async () => {
          try {
            process.kill(pid(), 0);
            return undefined;
          } catch {
            return true;
          }
        },
        30_000,
      );
    } finally {
      rmSync(stackDir, { recursive: true, force: true });
    }
  });

  it('refuses to start anything without the environment of a running stack', () => {
    const run = startService('feedback');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('stack.env is missing: bring the stack up with npm run up first');
  });

  it('refuses a service the stack does not have', () => {
    const run = startService('payments');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown service payments');
  });

  it('starts the service with the stack environment, and only once', async () => {
    writeFileSync(
      join(stackDir, 'stack.env'),
      [
        `STACK_KAFKA_CREDENTIALS=${testEnv.kafkaCredentialsDir()}`,
        `DATABASE_URL_FEEDBACK=${testEnv.databaseUrl('feedback')}`,
        `STACK_REDIS_URL=${testEnv.redisUrl()}`,
        `STACK_KAFKA_BROKERS=${testEnv.kafkaBrokers().join(',')}`,
        `STACK_JWKS_URL=${testEnv.jwksUrl()}`,
        `STACK_AUTH_ISSUER=${testEnv.authIssuer()}`,
        `STACK_AUTH_AUDIENCE=${DEV_AUDIENCE}`,
        '',
      ].join('\n'),
    );
    const first = startService('feedback');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const ready = await waitFor(
      'the feedback service to be ready',
      async () => {
        const response = await fetch(`http://127.0.0.1:${PORT}/health/ready`);
        return response.status === 200
          ? ((await response.json()) as { status: string })
          : undefined;
      },
      90_000,
    );
    expect(ready.status).toBe('up');
    expect(readFileSync(join(stackDir, 'logs/feedback.log'), 'utf8')).toContain(
      '"service":"feedback"',
    );

    const second = startService('feedback');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`feedback already running (pid ${pid()})`);
  });
});
