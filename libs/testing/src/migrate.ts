import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from './repo-root';

/** Applies the service's Prisma migrations unless the database already has them all. */
export async function migrateService(service: string, url: string): Promise<'applied' | 'up-to-date'> {
  const dir = join(repoRoot(), 'apps', service, 'prisma', 'migrations');
  const expected = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  if ((await appliedMigrations(url)).length >= expected.length) return 'up-to-date';
  const result = spawnSync('bash', [join(repoRoot(), 'tools/prisma/prisma.sh'), service, 'deploy'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`migrations of ${service} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return 'applied';
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows.map((r) => r.migration_name);
  } catch {
    return [];
  } finally {
    await client.end();
  }
}
