import { correlationIdFrom, runWithContext } from '@motcua/observability';

type Req = { headers: Record<string, string | string[] | undefined> };
type Res = { setHeader(name: string, value: string): void };

export const CORRELATION_HEADER = 'x-correlation-id';

/** Reads or creates the correlation id, echoes it back, and binds it to the request's async context. */
export function correlationMiddleware(request: Req, response: Res, next: () => void): void {
  const header = request.headers[CORRELATION_HEADER];
  const correlationId = correlationIdFrom(Array.isArray(header) ? header[0] : header);
  const traceparent = request.headers['traceparent'];
  response.setHeader(CORRELATION_HEADER, correlationId);
  runWithContext(
    { correlationId, traceparent: typeof traceparent === 'string' ? traceparent : undefined },
    next,
  );
}
