import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@motcua/observability';

let draining = false;

/** After this long, requests still running at shutdown are cut (tools/k8s/manifests.ts's grace period counts on it). */
export const SHUTDOWN_DRAIN_MS = 20_000;

/** True once the service received SIGTERM: readiness answers 503, responses close their connection. */
export const isDraining = () => draining;

/**
 * Graceful shutdown on SIGTERM or SIGINT, in the order that loses nothing:
 * 1. readiness turns 503; after `delayMs` (SHUTDOWN_DELAY_SECONDS: the time a load balancer needs
 *    to see it and send no more) the public port stops accepting connections — a connection still
 *    in the kernel's accept queue when the port closes would be reset; requests already
 *    accepted run to their end (their responses carry `Connection: close`, so no client sends a
 *    next request on a connection about to close), idle keep-alive connections are closed;
 *    after `drainMs` whatever still runs is cut;
 * 2. Nest's hooks: the consumers finish the chunk in hand and leave their group, the outbox relay
 *    finishes its batch and releases the leadership (another instance takes it over at once),
 *    periodic jobs end their tick (beforeApplicationShutdown);
 * 3. then only the connections to the database, Redis and the rest close (onApplicationShutdown).
 */
export function closeGracefully(
  app: INestApplication,
  server: Server,
  logger: Logger,
  options: { delayMs?: number; drainMs?: number } = {},
): void {
  const { delayMs = 0, drainMs = SHUTDOWN_DRAIN_MS } = options;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const started = Date.now();
    if (delayMs > 0) {
      logger.info({ signal, delayMs }, 'shutting down: readiness 503, still serving meanwhile');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    logger.info({ signal }, 'shutting down: no new connections, finishing the requests in hand');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => {
      logger.warn(
        { drainMs },
        'shutting down: requests still running after the drain time, closing them',
      );
      server.closeAllConnections();
    }, drainMs);
    void closed
      .then(async () => {
        clearTimeout(cut);
        logger.info(
          { ms: Date.now() - started },
          'shutting down: HTTP drained; stopping consumers, relay and jobs',
        );
        await app.close();
        logger.info({ ms: Date.now() - started }, 'shut down');
        await new Promise<void>((resolve) => logger.flush(() => resolve()));
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutting down failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));
}
