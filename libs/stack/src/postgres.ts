import { Client } from 'pg';

/** Replaces the database name of a PostgreSQL URL. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(malformed URL)';
  }
}

/** Connects to the server's maintenance database or explains, in one sentence, why it cannot. */
export async function connectServer(serverUrl: string): Promise<Client> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new Error(
      `PostgreSQL at ${redactUrl(serverUrl)} is unreachable (${reason}). Start it, or set DATABASE_URL to a server you can reach.`,
    );
  }
}

/** Creates each database that does not exist yet. */
export async function ensureDatabases(serverUrl: string, names: string[]): Promise<void> {
  const client = await connectServer(serverUrl);
  try {
    for (const name of names) {
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // created meanwhile by a parallel run
        });
      }
    }
  } finally {
    await client.end();
  }
}
