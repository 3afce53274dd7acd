import type { Logger } from '@motcua/observability';
import { testEnv, waitFor } from '@motcua/testing';
import { createPgClient, createPgPool, PgListener } from '../src/connections';
import { messagingDatabase } from './harness';
import { PgDatabase } from './pg-database';

jest.setTimeout(60_000);

function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const record = (level: string) => (_: unknown, msg: string) => void lines.push({ level, msg });
  return {
    lines,
    logger: {
      warn: record('warn'),
      info: record('info'),
      error: record('error'),
    } as unknown as Logger,
  };
}

/**
 * The server drops every connection a holder already has (as a crash or a restart does), not only
 * refuses new ones: the process must not die of an unhandled 'error' event, the outage is logged
 * once, and the holder works again on new connections.
 */
describe('connection holders when the server drops their connections', () => {
  let database: Awaited<ReturnType<typeof messagingDatabase>>;
  let server: PgDatabase;
  const terminateAll = async () => {
    const name = new URL(database.url).pathname.slice(1);
    await server.$queryRawUnsafe(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      name,
    );
  };

  const setConnections = async (allowed: boolean) => {
    const name = new URL(database.url).pathname.slice(1);
    await server.$executeRawUnsafe(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed) await terminateAll();
  };

  beforeAll(async () => {
    database = await messagingDatabase(testEnv.postgresServer());
    server = new PgDatabase(testEnv.postgresServer());
  });
  afterAll(async () => {
    await setConnections(true);
    await server.end();
    await database.drop();
  });

  it('a pool survives the loss of its idle and checked-out connections, logs it once, and serves again', async () => {
    const { lines, logger } = recordingLogger();
    const pool = createPgPool({ connectionString: database.url, max: 4 }, { logger });
    try {
      const held = await pool.connect();
      const idle = await Promise.all([pool.connect(), pool.connect()]);
      idle.forEach((c) => c.release());
      await terminateAll();
      await expect(held.query('SELECT 1')).rejects.toThrow();
      held.release(true);
      await waitFor(
        'the idle connections dropped',
        async () => (pool.idleCount === 0 ? true : undefined),
        5000,
      );
      const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
      expect(rows[0].ok).toBe(1);
      expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
      expect(lines.filter((l) => l.level === 'info').map((l) => l.msg)).toEqual([
        expect.stringContaining('reachable again'),
      ]);
    } finally {
      await pool.end();
    }
  });

  it('a single client that loses its connection ends without crashing the process', async () => {
    const client = createPgClient({ connectionString: database.url });
    await client.connect();
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    await terminateAll();
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
  });

  it('a listener listens again after its connection was dropped and says so', async () => {
    const { logger } = recordingLogger();
    const received: string[] = [];
    let reconnects = 0;
    const listener = new PgListener({
      connectionString: database.url,
      channels: ['drill_channel'],
      onNotification: (_channel, payload) => received.push(payload ?? ''),
      onReconnect: () => (reconnects += 1),
      logger,
    });
    await listener.start();
    try {
      await database.db.$executeRawUnsafe(`NOTIFY drill_channel, 'before'`);
      await waitFor(
        'the first notice',
        async () => (received.includes('before') ? true : undefined),
        5000,
      );
      // Dropped, then refused for a while: its attempts fail (no 'end' to count on) and it keeps trying.
      await setConnections(false);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(listener.listening).toBe(false);
      await setConnections(true);
      await waitFor(
        'listening again',
        async () => (reconnects === 1 && listener.listening ? true : undefined),
        10_000,
      );
      await database.db.$executeRawUnsafe(`NOTIFY drill_channel, 'after'`);
      await waitFor(
        'the notice sent after the drop',
        async () => (received.includes('after') ? true : undefined),
        5000,
      );
    } finally {
      await listener.stop();
    }
  });
});
