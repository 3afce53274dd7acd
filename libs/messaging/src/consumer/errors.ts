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
