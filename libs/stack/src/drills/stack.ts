import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import { readKafkaCredentials, type KafkaSasl } from '../kafka-credentials';
import { databaseUrl } from '../postgres';
import { repoRoot } from '../repo-root';

/** Where a drill finds the stack it drills: every address is a parameter, so it can aim at any stack. */
export type DrillStack = {
  /** Base URL of each service. */
  services: Record<ServiceName, string>;
  /** Each service's own database (the drill reads them to verify). */
  databases: Record<ServiceName, string>;
  /** The PostgreSQL server URL (maintenance database) the service databases live on. */
  postgresServer: string;
  kafkaBrokers: string[];
  /** The identity the drill reads the topics with (the broker's admin). */
  kafkaSasl: KafkaSasl;
  redisUrl: string;
};

const DEFAULT_PORTS: Record<ServiceName, number> = {
  catalog: 3101,
  dossiers: 3102,
  feedback: 3103,
  digitization: 3104,
  reporting: 3105,
};

/**
 * The stack from the environment, defaulting to what `npm run up` starts on this machine:
 * `<SERVICE>_URL` (e.g. DOSSIERS_URL, default http://127.0.0.1:3102), DATABASE_URL (the server,
 * default postgresql://postgres@127.0.0.1:5432/postgres) with DRILL_DB_PREFIX (default `motcua`:
 * databases motcua_<service>), KAFKA_BROKERS (default 127.0.0.1:9092) signed in as its admin
 * (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, else KAFKA_CREDENTIALS_DIR/admin.env, default the
 * local broker's infra/kafka/.data/credentials), REDIS_URL.
 */
export function stackFromEnv(env: NodeJS.ProcessEnv = process.env): DrillStack {
  const postgresServer = env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const prefix = env.DRILL_DB_PREFIX ?? 'motcua';
  const pick = <T>(make: (service: ServiceName) => T) =>
    Object.fromEntries(SERVICES.map((s) => [s, make(s)])) as Record<ServiceName, T>;
  return {
    services: pick((s) => env[`${s.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[s]}`),
    databases: pick((s) => databaseUrl(postgresServer, `${prefix}_${s}`)),
    postgresServer,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    kafkaSasl:
      env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
        ? {
            mechanism: 'scram-sha-512',
            username: env.KAFKA_SASL_USERNAME,
            password: env.KAFKA_SASL_PASSWORD,
          }
        : readKafkaCredentials(
            env.KAFKA_CREDENTIALS_DIR ?? join(repoRoot(), 'infra/kafka/.data/credentials'),
            'admin',
          ),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
