import {
  correlationIdFrom,
  recordHttpRequest,
  runWithContext,
  SpanKind,
  startWorkSpan,
} from '@motcua/observability';
import { isDraining } from './shutdown';

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
 * in the HTTP metrics by route template. With tracing on, the request is a server span (child of
 * the caller's `traceparent`), and the events it publishes carry that span as their traceparent.
 */
export const correlationMiddleware =
  (logger: Logger) =>
  (request: Req, response: Res, next: () => void): void => {
    const started = process.hrtime.bigint();
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = correlationIdFrom(Array.isArray(header) ? header[0] : header);
    const traceparent = request.headers['traceparent'];
    response.setHeader(CORRELATION_HEADER, correlationId);
    // Shutting down: this response ends its connection, so no next request is sent on it.
    if (isDraining()) response.setHeader('connection', 'close');
    const method = request.method ?? 'GET';
    const span = startWorkSpan(
      `${method} ${request.originalUrl?.split('?')[0] ?? '/'}`,
      SpanKind.SERVER,
      typeof traceparent === 'string' ? traceparent : undefined,
      { 'http.request.method': method, 'motcua.correlation_id': correlationId },
    );
    runWithContext({ correlationId, traceparent: span.traceparent }, () => {
      response.on('finish', () => {
        if (request.route?.path) span.updateName(`${method} ${request.route.path}`);
        span.setAttributes({
          'http.route': request.route?.path ?? '',
          'http.response.status_code': response.statusCode ?? 0,
        });
        span.end((response.statusCode ?? 0) >= 500 ? `HTTP ${response.statusCode}` : undefined);
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
    });
  };
