/**
 * A handler throws PermanentError when retrying can never succeed (a business rule
 * refuses the event). The message goes to the dead-letter topic and the partition
 * moves on. Any other error is treated as transient and retried with backoff.
 */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

export type DeadLetterReason = 'malformed' | 'invalid-data' | 'rejected' | 'retries-exhausted';

/** Connection-level failures of PostgreSQL: consumption pauses instead of dead-lettering. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P01|57P03|08006|08001|08003|55000|not currently accepting connections|Can't reach database|connection terminated|Connection terminated|DatabaseNotReachable|too many clients/i.test(
    text,
  );
}
