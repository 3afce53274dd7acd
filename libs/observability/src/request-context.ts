import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What follows one unit of work (an HTTP request, a consumed event) through the
 * code: the correlation id that links logs across services, and the id of the
 * message that caused the work (the causation id of events it publishes).
 */
export type RequestContext = {
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  actor?: string;
};

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's correlation id only when it is a plausible token; otherwise makes a new one. */
export function correlationIdFrom(value: unknown): string {
  return typeof value === 'string' && CORRELATION_ID.test(value) ? value : randomUUID();
}
