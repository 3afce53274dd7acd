import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..', '..', '..');

async function admin(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** A reporting database of a benchmark's own on `server`, made anew and migrated; `drop` removes it. */
export async function scratchReportingDatabase(
  server: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = server.replace(/\/[^/]*$/, `/${name}`);
  const drop = () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await drop();
  await admin(server, `CREATE DATABASE ${name}`);
  const migrated = spawnSync(
    'bash',
    [join(root, 'tools/prisma/prisma.sh'), 'reporting', 'deploy'],
    {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    },
  );
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  return { url, drop };
}
