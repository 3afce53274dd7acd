/**
 * A disposable stack to try the drills on without touching anyone's servers: a private PostgreSQL
 * (initdb/pg_ctl) and redis-server on ports of their own, the five built services, against the
 * broker at KAFKA_BROKERS (default 127.0.0.1:9092). Prints the environment the drill scripts need,
 * then keeps running until Ctrl-C (which stops everything and deletes the folders).
 *   node -r ./tools/register-ts.js tools/drills/drill-stack.ts [port base, default 5100]
 * Services on <base>+1..5, PostgreSQL on <base>+32, Redis on <base>+79; folders under DRILL_STACK_DIR
 * (default a new temp folder); pid files there for service-kill.ts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys } from '@motcua/auth';
import { SERVICES } from '@motcua/contracts';
import {
  SERVICE_NODE_OPTIONS,
  databaseName,
  databaseUrl,
  kafkaSaslEnv,
  PrivatePostgres,
  PrivateRedis,
  provision,
  readKafkaCredentials,
  repoRoot,
  waitFor,
} from '@motcua/stack';

async function main(): Promise<void> {
  const portBase = Number(process.argv[2] ?? 5100);
  const dir = process.env.DRILL_STACK_DIR ?? mkdtempSync(join(tmpdir(), 'motcua-drill-stack-'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o711);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  // The broker's credentials: the local one's unless KAFKA_CREDENTIALS_DIR names another's.
  const kafkaCredentialsDir =
    process.env.KAFKA_CREDENTIALS_DIR ?? join(repoRoot(), 'infra/kafka/.data/credentials');
  const postgres = new PrivatePostgres(join(dir, 'postgres'), portBase + 32);
  const redis = new PrivateRedis(join(dir, 'redis'), portBase + 79);
  postgres.init();
  postgres.start();
  await redis.start();
  const prefix = 'motcua_drill';
  await provision(
    {
      mode: 'given',
      postgresServerUrl: postgres.url,
      redisUrl: redis.url,
      kafkaBrokers: brokers,
      kafkaCredentialsDir,
      stop: async () => undefined,
    },
    prefix,
    (l) => process.stderr.write(`  ${l}\n`),
    { disposable: true },
  );
  const keys = await ensureDevKeys(repoRoot());
  const applicantKeySecret = randomBytes(32).toString('base64url');
  const env: string[] = [
    `DATABASE_URL=${postgres.url}`,
    `DRILL_DB_PREFIX=${prefix}`,
    `KAFKA_BROKERS=${brokers.join(',')}`,
    `KAFKA_CREDENTIALS_DIR=${kafkaCredentialsDir}`,
    `REDIS_URL=${redis.url}`,
    `DRILL_PGDATA=${postgres.dataDir}`,
    `DRILL_STORAGE_DIR=${join(dir, 'files')}`,
  ];
  env.push(
    `DRILL_SERVICE_STOP_CMD='kill -9 "$(cat ${dir}/{service}.pid)"'`,
    `DRILL_SERVICE_START_CMD='bash ${dir}/start-{service}.sh'`,
  );
  for (const [i, service] of SERVICES.entries()) {
    const port = portBase + 1 + i;
    const vars = {
      PORT: String(port),
      DATABASE_URL: databaseUrl(postgres.url, databaseName(prefix, service)),
      REDIS_URL: redis.url,
      KAFKA_BROKERS: brokers.join(','),
      ...kafkaSaslEnv(readKafkaCredentials(kafkaCredentialsDir, service)),
      AUTH_JWKS_URL: keys.jwksUrl,
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      // Five services on one machine: each its own management port (0 = a free one).
      METRICS_PORT: '0',
      APPLICANT_KEY_SECRET: applicantKeySecret,
      STORAGE_DIR: join(dir, 'files'),
      LOG_LEVEL: 'info',
      NODE_OPTIONS: SERVICE_NODE_OPTIONS,
    };
    // The service's supervisor, as a script: the service-kill drill starts it again with it.
    const script = join(dir, `start-${service}.sh`);
    writeFileSync(
      script,
      `#!/usr/bin/env bash\n${Object.entries(vars)
        .map(([k, v]) => `export ${k}='${v}'`)
        .join('\n')}\n` +
        `setsid nohup '${process.execPath}' --enable-source-maps '${join(repoRoot(), 'dist', 'apps', service, 'main.js')}' >> '${join(dir, `${service}.log`)}' 2>&1 &\n` +
        `echo $! > '${join(dir, `${service}.pid`)}'\n`,
    );
    execFileSync('bash', [script]);
    env.push(`${service.toUpperCase()}_URL=http://127.0.0.1:${port}`);
    await waitFor(
      `${service} ready`,
      async () =>
        (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok
          ? true
          : undefined,
      60_000,
    );
  }
  process.stdout.write(`${env.map((e) => `export ${e}`).join('\n')}\n# folders and logs: ${dir}\n`);
  const stop = () => {
    for (const service of SERVICES) {
      try {
        process.kill(Number(readFileSync(join(dir, `${service}.pid`), 'utf8')), 'SIGTERM');
      } catch {
        // already gone
      }
    }
    setTimeout(() => {
      void redis.kill().finally(() => {
        postgres.destroy();
        if (!process.env.DRILL_STACK_DIR) rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
    }, 3000);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`drill stack: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
