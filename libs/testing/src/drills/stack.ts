import { SERVICES, type ServiceName } from '@motcua/contracts';
import { databaseUrl } from '../postgres';

/** Where a drill finds the stack it drills: every address is a parameter, so it can aim at any stack. */
export type DrillStack = {
  /** Base URL of each service. */
  services: Record<ServiceName, string>;
  /** Each service's own database (the drill reads them to verify). */
  databases: Record<ServiceName, string>;
  /** The PostgreSQL server URL (maintenance database) the service databases live on. */
  postgresServer: string;
  kafkaBrokers: string[];
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
 * databases motcua_<service>), KAFKA_BROKERS (default 127.0.0.1:9092), REDIS_URL.
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
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
