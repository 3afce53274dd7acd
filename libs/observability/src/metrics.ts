import { Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, exposed at /metrics by every service. */
export const metricsRegistry = new Registry();

let defaultsCollected = false;
export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}
