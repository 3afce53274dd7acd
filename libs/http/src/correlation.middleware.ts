import { correlationIdFrom, recordHttpRequest, runWithContext } from '@motcua/observability';

import type { Logger } from '@motcua/observability';

type Req = {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  originalUrl?: string;
  /** Set by Express once a route matched: its template (`/dossiers/:id`). */
  route?: { path?: string };
};
type Res = {
  setHeader(name: string, value: string): void;
  statusCode?: number;
  on(event: 'finish', listener: () => void): void;
};

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Reads or creates the correlation id, echoes it back, binds it to the request's
 * async context, and when the response is sent writes one access-log line and counts it
 * in the HTTP metrics by route template.
 */
export const correlationMiddleware =
  (logger: Logger) =>
  (request: Req, response: Res, next: () => void): void => {
    const started = process.hrtime.bigint();
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = correlationIdFrom(Array.isArray(header) ? header[0] : header);
    const traceparent = request.headers['traceparent'];
    response.setHeader(CORRELATION_HEADER, correlationId);
    runWithContext(
      { correlationId, traceparent: typeof traceparent === 'string' ? traceparent : undefined },
      () => {
        response.on('finish', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          recordHttpRequest(
            request.method ?? 'GET',
            request.route?.path,
            response.statusCode ?? 0,
            ms / 1000,
          );
          logger.info(
            {
              method: request.method,
              path: request.originalUrl?.split('?')[0],
              status: response.statusCode,
              ms,
            },
            'http',
          );
        });
        next();
      },
    );
  };
