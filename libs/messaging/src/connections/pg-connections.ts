import { Client, Pool, type ClientConfig, type PoolConfig } from 'pg';
import type { Logger } from '@motcua/observability';
import { outageOf, type Outage } from './outage';

/** How long a new connection may take before the attempt fails (pg's default waits forever). */
const CONNECT_TIMEOUT_MS = 5000;

/** The dependency name of a database in logs and metrics: `postgres <host>:<port>/<database>` (no credentials). */
export function databaseDependency(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `postgres ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}

type ConnectCallback = (error: Error | undefined) => void;

/**
 * A `pg` Client class bound to one database's Outage: every client it makes has an 'error'
 * listener from birth (a server that goes away errors the client's socket; without a listener
 * Node turns that into an unhandled 'error' event that ends the process), reports failed
 * connects and errors to the outage, and ends it on a successful connect.
 */
function trackedClientClass(outage: Outage): typeof Client {
  return class TrackedClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      this.on('error', (error: Error) => outage.failed(error));
    }

    // pg-pool connects with a callback; direct users with the promise form.
    override connect(): Promise<Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<Client> | void {
      if (callback) {
        super.connect((error: Error | null) => {
          if (error) outage.failed(error);
          else outage.recovered();
          callback(error ?? undefined);
        });
        return;
      }
      return super.connect().then(
        (client) => {
          outage.recovered();
          return client;
        },
        (error: Error) => {
          outage.failed(error);
          throw error;
        },
      );
    }
  };
}

const classes = new Map<Outage, typeof Client>();
function clientClassOf(outage: Outage): typeof Client {
  let cls = classes.get(outage);
  if (!cls) classes.set(outage, (cls = trackedClientClass(outage)));
  return cls;
}

export type PgConnectionOptions = { logger?: Logger };

/**
 * The one way motcua opens a `pg` pool (Prisma's adapter pool, the plain-pg pools, the relay's):
 * it survives the loss of its server. Idle and checked-out connections that break are dropped
 * with their error handled (logged once per outage, see Outage); new connections are made on
 * demand when the server is back, with a connect timeout; TCP keep-alive finds dead peers.
 */
export function createPgPool(
  config: PoolConfig & { connectionString: string },
  options: PgConnectionOptions = {},
): Pool {
  const outage = outageOf(databaseDependency(config.connectionString), options.logger);
  const pool = new Pool({
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ...config,
    Client: clientClassOf(outage),
  });
  // An idle connection that breaks is removed by the pool, which then emits 'error' on itself.
  pool.on('error', (error: Error) => outage.failed(error));
  return pool;
}

/**
 * A single `pg` connection (LISTEN/NOTIFY, a session advisory lock, maintenance) with the same
 * handling as createPgPool's. It does not reconnect by itself: its holder watches 'end' (see
 * PgListener for a LISTEN that re-listens).
 */
export function createPgClient(
  config: ClientConfig & { connectionString: string },
  options: PgConnectionOptions = {},
): Client {
  const outage = outageOf(databaseDependency(config.connectionString), options.logger);
  const TrackedClient = clientClassOf(outage);
  return new TrackedClient({
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ...config,
  });
}

/** The shared Outage of a database, e.g. for readiness or to fail fast. */
export function databaseOutage(connectionString: string, logger?: Logger): Outage {
  return outageOf(databaseDependency(connectionString), logger);
}
