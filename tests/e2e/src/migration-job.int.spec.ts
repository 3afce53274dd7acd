import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVICES } from '@motcua/contracts';
import { databaseUrl } from '@motcua/stack';
import { repoRoot, TEST_DB_PREFIX, testEnv } from '@motcua/testing';

const root = repoRoot();

/** Runs a bundle's migration entrypoint (the image's `node dist/migrate.js`) on a database. */
const migrate = (service: string, url: string) =>
  spawnSync(process.execPath, [join(root, 'dist/apps', service, 'migrate.js')], {
    // Outside the checkout, so nothing but the bundle's own prisma/ folder can be read.
    cwd: '/tmp',
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  });

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const databaseOf = (service: string) => `${TEST_DB_PREFIX}_migrate_job_${service}`;

const committedMigrations = (service: string) =>
  readdirSync(join(root, 'apps', service, 'prisma/migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const appliedMigrations = (url: string) =>
  onServer(url, async (client) => {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    return rows.map((r) => r.migration_name);
  });

/**
 * The migration job's entrypoint in each service's bundle (dist/apps/<service>/migrate.js, the
 * Kubernetes Job `<service>-migrate`): on an empty database it applies every committed migration
 * of that service, and run again (a Job's retry) it changes nothing.
 */
describe("each service's migration job", () => {
  const url = (service: string) => databaseUrl(testEnv.postgresServer(), databaseOf(service));

  beforeAll(async () => {
    await onServer(testEnv.postgresServer(), async (client) => {
      for (const service of SERVICES) {
        await client.query(`DROP DATABASE IF EXISTS "${databaseOf(service)}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${databaseOf(service)}"`);
      }
    });
  });
  afterAll(async () => {
    await onServer(testEnv.postgresServer(), async (client) => {
      for (const service of SERVICES)
        await client.query(`DROP DATABASE IF EXISTS "${databaseOf(service)}" WITH (FORCE)`);
    });
  });

  it.each(SERVICES)(
    '%s: applies every committed migration of the service to an empty database',
    async (service) => {
      const run = migrate(service, url(service));
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.status).toBe(0);
      expect(await appliedMigrations(url(service))).toEqual(committedMigrations(service));
      const outbox = await onServer(url(service), (client) =>
        client.query("SELECT to_regclass('public.outbox_event') AS found"),
      );
      expect(outbox.rows[0].found).toBe('outbox_event');
    },
  );

  // Once, not per service: each run of the Prisma CLI takes seconds.
  it(`${SERVICES[0]}: run again, applies nothing and succeeds`, async () => {
    const service = SERVICES[0];
    const again = migrate(service, url(service));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('No pending migrations to apply');
    expect(await appliedMigrations(url(service))).toEqual(committedMigrations(service));
  });
});
