import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { ensureDevKeys } from '@motcua/auth';
import { provision, repoRoot, startIdp, type Infrastructure, type RunningIdp } from '@motcua/stack';
import { TEST_DB_PREFIX } from './test-env';
import { resolveInfrastructure } from './test-infrastructure';

declare global {
  var __motcuaInfrastructure: Infrastructure | undefined;
  var __motcuaIdp: RunningIdp | undefined;
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
  // The OpenID Connect provider of the run signs with the development key (so tests mint tokens
  // for any principal without a round trip) and publishes it at its jwks_uri, which every service
  // fetches and caches for real (ADR 0012).
  const keys = await ensureDevKeys(repoRoot());
  const clientSecret = randomBytes(24).toString('base64url');
  const idp = await startIdp({
    keys: [JSON.parse(readFileSync(keys.privateKeyFile, 'utf8')) as JWK],
    clientSecret,
  });
  globalThis.__motcuaIdp = idp;
  Object.assign(process.env, {
    MOTCUA_TEST_INFRA_READY: '1',
    MOTCUA_TEST_INFRA_MODE: infra.mode,
    MOTCUA_TEST_PG_SERVER: infra.postgresServerUrl,
    MOTCUA_TEST_REDIS_URL: infra.redisUrl,
    MOTCUA_TEST_KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MOTCUA_TEST_KAFKA_CREDENTIALS: infra.kafkaCredentialsDir,
    MOTCUA_TEST_JWKS_URL: idp.jwksUrl,
    MOTCUA_TEST_AUTH_ISSUER: idp.issuer,
    MOTCUA_TEST_IDP_TOKEN_URL: idp.tokenUrl,
    MOTCUA_TEST_IDP_CLIENT_SECRET: clientSecret,
    // A fresh HMAC key for applicant keys each run, as every stack must have one.
    MOTCUA_TEST_APPLICANT_KEY_SECRET: randomBytes(32).toString('base64url'),
  });
}
