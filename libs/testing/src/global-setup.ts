import { randomBytes } from 'node:crypto';
import { ensureDevKeys } from '@motcua/auth';
import { resolveInfrastructure, type Infrastructure } from './infrastructure';
import { provision } from './provision';
import { repoRoot } from './repo-root';
import { TEST_DB_PREFIX } from './test-env';

declare global {
  var __motcuaInfrastructure: Infrastructure | undefined;
}

/**
 * Jest global setup (once per run, even with several projects): find or start real
 * PostgreSQL, Redis and Kafka, migrate the test databases and create the topics.
 * Tests read the result from MOTCUA_TEST_* variables. Missing infrastructure fails
 * the run with the reason; nothing is skipped.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MOTCUA_TEST_INFRA_READY === '1') return;
  const infra = await resolveInfrastructure();
  globalThis.__motcuaInfrastructure = infra;
  await provision(infra, TEST_DB_PREFIX, undefined, { disposable: true });
  const keys = await ensureDevKeys(repoRoot());
  Object.assign(process.env, {
    MOTCUA_TEST_INFRA_READY: '1',
    MOTCUA_TEST_INFRA_MODE: infra.mode,
    MOTCUA_TEST_PG_SERVER: infra.postgresServerUrl,
    MOTCUA_TEST_REDIS_URL: infra.redisUrl,
    MOTCUA_TEST_KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MOTCUA_TEST_JWKS_URL: keys.jwksUrl,
    // A fresh HMAC key for applicant keys each run, as every stack must have one.
    MOTCUA_TEST_APPLICANT_KEY_SECRET: randomBytes(32).toString('base64url'),
  });
}
