/**
 * The slice of a Prisma client that messaging needs. Each service has its own
 * generated client; messaging stays independent of them by using only these calls.
 */
export type SqlTransaction = {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

export type TransactionOptions = {
  isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  timeout?: number;
  maxWait?: number;
};

export type TransactionalDatabase<Tx extends SqlTransaction> = SqlTransaction & {
  $transaction<R>(work: (tx: Tx) => Promise<R>, options?: TransactionOptions): Promise<R>;
};
