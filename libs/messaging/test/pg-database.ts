import { Pool } from 'pg';
import { PgSqlDatabase } from '../src/pg-database';

/** A database of its own for a messaging test: the services' plain-pg database on a pool of its own. */
export class PgDatabase extends PgSqlDatabase {
  constructor(connectionString: string) {
    super(new Pool({ connectionString, max: 8 }));
    this.pool.on('error', () => undefined);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
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
