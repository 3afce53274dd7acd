import type { ServerResponse } from 'node:http';
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
  url?: string;
  /** Fastify's: the matched route's template (`/dossiers/:id`). */
  routeOptions?: { url?: string };
};
type Res = Pick<ServerResponse, 'setHeader' | 'statusCode' | 'once'>;

export const CORRELATION_HEADER = 'x-correlation-id';

/** The template of the route a request matched (`/dossiers/:id`). */
export function routeTemplateOf(request: Req): string | undefined {
  return request.routeOptions?.url;
}

/**
 * Reads or creates the correlation id, echoes it back, binds it to the request's
 * async context, and when the response is sent writes one access-log line and counts it
 * in the HTTP metrics by route template. With tracing on, the request is a server span (child of
 * the caller's `traceparent`), and the events it publishes carry that span as their traceparent.
 * `request` is Fastify's request (its route is read once the response is sent); `response` is the
 * Node response under Fastify's reply.
 */
export function trackRequest(logger: Logger, request: Req, response: Res, next: () => void): void {
  const started = process.hrtime.bigint();
  const header = request.headers[CORRELATION_HEADER];
  const correlationId = correlationIdFrom(Array.isArray(header) ? header[0] : header);
  const traceparent = request.headers['traceparent'];
  response.setHeader(CORRELATION_HEADER, correlationId);
  // Shutting down: this response ends its connection, so no next request is sent on it.
  if (isDraining()) response.setHeader('connection', 'close');
  const method = request.method ?? 'GET';
  const path = (request.originalUrl ?? request.url ?? '/').split('?')[0];
  const span = startWorkSpan(
    `${method} ${path}`,
    SpanKind.SERVER,
    typeof traceparent === 'string' ? traceparent : undefined,
    { 'http.request.method': method, 'motcua.correlation_id': correlationId },
  );
  runWithContext({ correlationId, traceparent: span.traceparent }, () => {
    response.once('finish', () => {
      const route = routeTemplateOf(request);
      if (route) span.updateName(`${method} ${route}`);
      span.setAttributes({
        'http.route': route ?? '',
        'http.response.status_code': response.statusCode ?? 0,
      });
      span.end((response.statusCode ?? 0) >= 500 ? `HTTP ${response.statusCode}` : undefined);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      recordHttpRequest(method, route, response.statusCode ?? 0, ms / 1000);
      logger.info({ method, path, status: response.statusCode, ms }, 'http');
    });
    next();
  });
}
