import { Pool, type PoolClient } from 'pg';
import type { SqlTransaction, TransactionalDatabase } from '../src/sql-client';

/**
 * A real PostgreSQL connection with the slice of Prisma's API that messaging uses
 * ($transaction, $executeRawUnsafe, $queryRawUnsafe). The services pass their Prisma
 * clients; these tests drive messaging on its own without any service's schema.
 */
export class PgDatabase implements TransactionalDatabase<SqlTransaction> {
  readonly pool: Pool;

  constructor(connectionString: string) {
    this.pool = new Pool({ connectionString, max: 8 });
    this.pool.on('error', () => undefined);
  }

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return this.pool.query(query, values).then((r) => r.rowCount ?? 0);
  }

  $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> {
    return this.pool.query(query, values).then((r) => r.rows as T);
  }

  async $transaction<R>(work: (tx: SqlTransaction) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(transactionOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

function transactionOf(client: PoolClient): SqlTransaction {
  return {
    $executeRawUnsafe: (query, ...values) => client.query(query, values).then((r) => r.rowCount ?? 0),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => client.query(query, values).then((r) => r.rows as T),
  };
}

/** The outbox and inbox tables as the services' migrations create them, plus a ledger the test handlers write. */
export const MESSAGING_TEST_SCHEMA = `
  CREATE TABLE IF NOT EXISTS outbox_event (
    position BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL UNIQUE, topic TEXT NOT NULL, event_key TEXT NOT NULL,
    event_type TEXT NOT NULL, envelope JSONB NOT NULL, created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ(3));
  CREATE INDEX IF NOT EXISTS outbox_event_published_at_position_idx ON outbox_event (published_at, position);
  CREATE INDEX IF NOT EXISTS outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL;
  CREATE TABLE IF NOT EXISTS inbox_event (
    consumer_group TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
    processed_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(), PRIMARY KEY (consumer_group, event_id));
  CREATE TABLE IF NOT EXISTS ledger (
    id BIGSERIAL PRIMARY KEY, consumer_group TEXT NOT NULL, account TEXT NOT NULL, seq INT NOT NULL, event_id TEXT NOT NULL);
`;
