import { currentCorrelationId } from '@motcua/observability';
import { PROBLEM_BASE, type ProblemDetails } from './problem';

/** What the hook needs of Fastify's request and reply. */
type Request = { url?: string };
type Reply = {
  raw: { once(event: 'close', listener: () => void): unknown };
  code(status: number): Reply;
  header(name: string, value: string): Reply;
  send(body: string): Reply;
};

/** The default of MAX_REQUESTS_IN_FLIGHT: requests one process serves at once before it refuses more. */
export const DEFAULT_MAX_REQUESTS_IN_FLIGHT = 64;

/** Seconds a refused client waits before it tries again. */
export const OVERLOADED_RETRY_AFTER_S = 1;

/** The answer to a request beyond the limit (documented in every service's OpenAPI). */
export function overloadedProblem(limit: number, instance?: string): ProblemDetails {
  return {
    type: `${PROBLEM_BASE}overloaded`,
    title: 'Service overloaded',
    status: 503,
    detail: `This instance is already serving ${limit} requests; nothing was done. Retry after the indicated delay.`,
    instance,
    retryAfter: OVERLOADED_RETRY_AFTER_S,
  };
}

/** Liveness and readiness answer whatever the load: a busy instance is neither dead nor to be restarted. */
const isHealthPath = (url: string): boolean => url === '/health' || url.startsWith('/health/');

/**
 * Load shedding (ADR 0040): a Fastify `onRequest` hook that refuses a request beyond `limit` in
 * flight in this process with 503 `overloaded`, `Retry-After: 1`, before its body is read. The
 * refusal closes the connection (`Connection: close`), so a body the client is still sending
 * cannot hold it. `limit` 0 turns the hook off (undefined is returned). `streamPaths` (event
 * streams, open as long as a dashboard is) are neither refused nor counted: an open stream is not
 * work in flight, and counting it would let a few dozen viewers shut everyone else out.
 */
export function loadShedding(limit: number, streamPaths: readonly string[] = []) {
  if (limit <= 0) return undefined;
  const exempt = new Set(streamPaths.map((path) => path.toLowerCase()));
  let inFlight = 0;
  return (request: Request, reply: Reply, done: () => void): void => {
    const url = (request.url ?? '/')
      .split('?')[0]
      .toLowerCase()
      .replace(/(.)\/$/, '$1');
    if (isHealthPath(url) || exempt.has(url)) return done();
    if (inFlight >= limit) {
      reply
        .code(503)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .header('retry-after', String(OVERLOADED_RETRY_AFTER_S))
        .header('connection', 'close')
        .send(
          JSON.stringify({
            ...overloadedProblem(limit, request.url),
            correlationId: currentCorrelationId(),
          }),
        );
      return;
    }
    inFlight += 1;
    // `close` follows every response, answered or cut off, exactly once.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
    done();
  };
}
