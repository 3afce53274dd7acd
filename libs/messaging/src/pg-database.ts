import type { Pool, PoolClient } from 'pg';
import type { SqlTransaction, TransactionalDatabase, TransactionOptions } from './sql-client';

const ISOLATION: Record<NonNullable<TransactionOptions['isolationLevel']>, string> = {
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

/**
 * The slice of Prisma's API that messaging uses ($transaction, $executeRawUnsafe, $queryRawUnsafe)
 * straight on a `pg` pool, for the hot paths where Prisma's per-call work costs more than the
 * statement (intake, projections applying every dossier event). A service hands it the pool its
 * Prisma adapter uses, so both share the connections. Results are pg's: int8 and numeric come back
 * as strings. Transactions honour `isolationLevel`; `timeout` and `maxWait` are Prisma's and unused.
 */
export class PgSqlDatabase implements TransactionalDatabase<SqlTransaction> {
  constructor(readonly pool: Pool) {}

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return this.pool.query(query, values).then((r) => r.rowCount ?? 0);
  }

  $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> {
    return this.pool.query(query, values).then((r) => r.rows as T);
  }

  async $transaction<R>(work: (tx: SqlTransaction) => Promise<R>, options?: TransactionOptions): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query(options?.isolationLevel ? `BEGIN ISOLATION LEVEL ${ISOLATION[options.isolationLevel]}` : 'BEGIN');
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
}

function transactionOf(client: PoolClient): SqlTransaction {
  return {
    $executeRawUnsafe: (query, ...values) => client.query(query, values).then((r) => r.rowCount ?? 0),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => client.query(query, values).then((r) => r.rows as T),
  };
}
