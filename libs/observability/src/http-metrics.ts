import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics';

/**
 * Every HTTP answer of a service, by route template (never the raw path, so ids do not
 * multiply the series) and status. The 5xx-rate alert and the latency recording rules read them.
 */
export const httpRequests = new Counter({
  name: 'motcua_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'motcua_http_request_duration_seconds',
  help: 'Time from the request to the end of its answer, by method and route template',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Records one answered request; `route` is the matched route template, or `unmatched`. */
export function recordHttpRequest(
  method: string,
  route: string | undefined,
  status: number,
  seconds: number,
): void {
  const template = route ?? 'unmatched';
  httpRequests.inc({ method, route: template, status: String(status) });
  httpRequestDuration.observe({ method, route: template }, seconds);
}
