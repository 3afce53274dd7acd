import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry, type Logger } from '@motcua/observability';

/**
 * Prometheus metrics on the management port (METRICS_PORT), never on the public port: the
 * figures (routes, consumer lag, outbox backlog, process internals) are for operators, and the
 * public port is what the portal, officers and citizens reach. Only `GET /metrics` answers here;
 * health stays on the public port for load balancers.
 */
export async function startMetricsServer(port: number, logger: Logger): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('not found: the management port serves GET /metrics only\n');
      return;
    }
    metricsRegistry
      .metrics()
      .then((text) =>
        response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      )
      .catch((error: Error) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  const { port: metricsPort } = server.address() as AddressInfo;
  logger.info({ metricsPort }, `metrics on the management port ${metricsPort} (GET /metrics)`);
  return server;
}
