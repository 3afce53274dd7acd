import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './repo-root';

type Applied = { name: string; finished: boolean };

/**
 * Applies the service's Prisma migrations unless the database already has them all.
 * `disposable` databases (the test ones) are dropped and made anew when their
 * history does not match the migrations folder (a failed or since-removed migration);
 * the stack's databases are never dropped: that is reported instead.
 */
export async function migrateService(
  service: string,
  url: string,
  options: { disposable?: boolean } = {},
): Promise<'applied' | 'up-to-date' | 'recreated'> {
  const dir = join(repoRoot(), 'apps', service, 'prisma', 'migrations');
  const expected = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const applied = await appliedMigrations(url);
  const foreign = applied.filter((m) => !m.finished || !expected.includes(m.name));
  let outcome: 'applied' | 'recreated' = 'applied';
  if (foreign.length > 0) {
    if (!options.disposable) {
      throw new Error(
        `database of ${service} has migrations that failed or are not in apps/${service}/prisma/migrations: ${foreign.map((m) => m.name).join(', ')}`,
      );
    }
    await recreateDatabase(url);
    outcome = 'recreated';
  } else if (applied.length === expected.length) {
    return 'up-to-date';
  }
  const result = spawnSync(
    'bash',
    [join(repoRoot(), 'tools/prisma/prisma.sh'), service, 'deploy'],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(`migrations of ${service} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return outcome;
}

async function appliedMigrations(url: string): Promise<Applied[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
      `SELECT migration_name, (finished_at IS NOT NULL AND rolled_back_at IS NULL) AS finished FROM _prisma_migrations`,
    );
    return rows.map((r) => ({ name: r.migration_name, finished: r.finished }));
  } catch {
    return [];
  } finally {
    await client.end();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
