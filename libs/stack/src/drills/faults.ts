import { execSync } from 'node:child_process';
import { Client } from 'pg';
import type { ServiceName } from '@motcua/contracts';
import type { DrillStack } from './stack';

/**
 * A fault a drill injects: `inject` breaks the part (and returns once it is broken), `restore`
 * brings the part itself back (not the services: they must come back by themselves).
 */
export type Fault = {
  name: string;
  inject(): Promise<void>;
  restore(): Promise<void>;
  /** Services whose process the fault kills (their uptime restarts; the others' must not). */
  victims?: ServiceName[];
  /** The dossiers database is unreachable while the fault lasts: expect 503s, readiness down. */
  databaseDown?: boolean;
};

/** Runs an operator's shell command (the drills' defaults are documented in docs/operations/drills.md). */
export function shell(command: string): void {
  execSync(command, { stdio: ['ignore', 'pipe', 'pipe'], shell: '/bin/bash', timeout: 120_000 });
}

/** A fault made of two shell commands (stop, start): a crash of a server the drill does not own. */
export function commandFault(
  name: string,
  stop: string,
  start: string,
  extra: Partial<Fault> = {},
): Fault {
  return {
    name,
    inject: async () => shell(stop),
    restore: async () => shell(start),
    ...extra,
  };
}

/**
 * PostgreSQL refusing new connections to the service databases while dropping the ones open
 * (ALLOW_CONNECTIONS false, then pg_terminate_backend): the server stays up, so only SQL is needed.
 */
export function refuseConnectionsFault(stack: DrillStack): Fault {
  const names = Object.values(stack.databases).map((url) => new URL(url).pathname.slice(1));
  const onServer = async (work: (client: Client) => Promise<void>) => {
    const client = new Client({
      connectionString: stack.postgresServer,
      connectionTimeoutMillis: 5000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL refuses new connections and drops the open ones',
    databaseDown: true,
    inject: () =>
      onServer(async (client) => {
        for (const name of names) {
          await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
          await client.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          );
        }
      }),
    restore: () =>
      onServer(async (client) => {
        for (const name of names)
          await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      }),
  };
}
