import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys } from '@motcua/auth';
import { SERVICES } from '@motcua/contracts';
import {
  LOCAL_DEFAULTS,
  databaseName,
  databaseUrl,
  demoPki,
  provision,
  repoRoot,
} from '@motcua/stack';

/**
 * Prepares the stack's infrastructure and prints the environment the services get
 * (sourced by up.sh): databases motcua_<service> created and migrated, topics, keys.
 */
async function main(): Promise<void> {
  const infra = {
    mode: 'given' as const,
    postgresServerUrl: process.env.DATABASE_URL ?? LOCAL_DEFAULTS.postgresServerUrl,
    redisUrl: process.env.REDIS_URL ?? LOCAL_DEFAULTS.redisUrl,
    kafkaBrokers: process.env.KAFKA_BROKERS?.split(',') ?? LOCAL_DEFAULTS.kafkaBrokers,
    kafkaCredentialsDir:
      process.env.KAFKA_CREDENTIALS_DIR ?? join(repoRoot(), 'infra/kafka/.data/credentials'),
    stop: async () => undefined,
  };
  await provision(infra, 'motcua', (line) => process.stderr.write(`    ${line}\n`));
  const keys = await ensureDevKeys(repoRoot());
  // The local OpenID Connect provider (tools/idp) signs with the development key and publishes it.
  const idpKeysFile = join(repoRoot(), '.data', 'auth', 'idp-keys.json');
  writeFileSync(
    idpKeysFile,
    JSON.stringify({ keys: [JSON.parse(readFileSync(keys.privateKeyFile, 'utf8'))] }),
    { mode: 0o600 },
  );
  const lines = [
    `STACK_REDIS_URL='${infra.redisUrl}'`,
    `STACK_KAFKA_BROKERS='${infra.kafkaBrokers.join(',')}'`,
    // Each service's Kafka identity is <dir>/<service>.env (tools/stack/common.sh, start_service).
    `STACK_KAFKA_CREDENTIALS='${infra.kafkaCredentialsDir}'`,
    `STACK_IDP_PORT='${new URL(DEV_ISSUER).port}'`,
    `STACK_IDP_KEYS_FILE='${idpKeysFile}'`,
    `STACK_IDP_CLIENT_SECRET='${generatedSecret('idp-client-secret')}'`,
    `STACK_JWKS_URL='${DEV_ISSUER}/jwks'`,
    `STACK_AUTH_ISSUER='${DEV_ISSUER}'`,
    `STACK_AUTH_AUDIENCE='${DEV_AUDIENCE}'`,
    `STACK_APPLICANT_KEY_SECRET='${generatedSecret('applicant-key')}'`,
    // The demo PKI's root CA: the only trust anchor of signed PDFs in the local stack.
    `STACK_SIGNATURE_TRUST_ANCHORS_FILE='${demoPki(repoRoot()).anchorFile}'`,
    ...SERVICES.map(
      (service) =>
        `DATABASE_URL_${service.toUpperCase()}='${databaseUrl(infra.postgresServerUrl, databaseName('motcua', service))}'`,
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/**
 * A secret of the stack (APPLICANT_KEY_SECRET, the IdP accounts' client secret), generated once and
 * kept under .data/secrets/ (never committed): it must not change between restarts (a new
 * APPLICANT_KEY_SECRET changes every applicant key).
 */
function generatedSecret(name: string): string {
  const file = join(repoRoot(), '.data', 'secrets', name);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

main().catch((error: Error) => {
  process.stderr.write(`motcua: ${error.message}\n`);
  process.exit(1);
});
