import type Redis from 'ioredis';
import type { Logger } from '@motcua/observability';
import { outageOf, type Outage } from './outage';

/** The dependency name of a Redis server in logs and metrics: `redis <host>:<port>/<db>` (no credentials). */
export function redisDependency(redis: Redis): string {
  const { host, port, db } = redis.options;
  return `redis ${host ?? 'localhost'}:${port ?? 6379}/${db ?? 0}`;
}

/**
 * Makes an ioredis client (a command client or a subscriber: `duplicate()` copies options, not
 * listeners, so watch each) log its outages once: ioredis reconnects by itself and re-subscribes
 * subscribers; without an 'error' listener it prints every failed reconnect attempt.
 */
export function watchRedis(redis: Redis, logger?: Logger): Outage {
  const outage = outageOf(redisDependency(redis), logger);
  redis.on('error', (error: Error) => outage.failed(error));
  redis.on('ready', () => outage.recovered());
  return outage;
}
