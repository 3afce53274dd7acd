/**
 * Connection-level failures of a server (PostgreSQL, Redis): the request or the event cannot
 * be served now and may succeed later. Nothing about the request itself is wrong, so consumers
 * pause instead of counting attempts and HTTP answers 503 with Retry-After instead of 500.
 * Matches pg's and Prisma's errors (codes and messages) and ioredis' refusals while disconnected.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (isDatabaseUnavailable(e) || isRedisUnavailable(e)) return true;
  }
  return false;
}

const DATABASE_DOWN =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|57P01|57P02|57P03|08006|08001|08003|08004|53300|55000|not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|connection terminated|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed|Connection is closed|too many clients|Client has encountered a connection error|terminating connection due to administrator command/i;

/** Connection-level failures of PostgreSQL: consumption pauses instead of dead-lettering. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as
    | {
        code?: unknown;
        message?: unknown;
        kind?: unknown;
        cause?: { kind?: unknown; code?: unknown };
      }
    | undefined;
  const text = [e?.code, e?.kind, e?.cause?.kind, e?.cause?.code, e?.message]
    .filter((part): part is string => typeof part === 'string')
    .join(' ');
  return DATABASE_DOWN.test(text);
}

/** ioredis refusing a command because the server is not connected (after its retries). */
export function isRedisUnavailable(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | undefined;
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    (typeof e?.message === 'string' &&
      /Stream isn't writeable and enableOfflineQueue options is false/.test(e.message))
  );
}
