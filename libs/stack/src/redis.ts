import Redis from 'ioredis';
import { redactUrl } from './postgres';

export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis at ${redactUrl(url)} is unreachable (${(error as Error).message}). Start it, or set REDIS_URL to a server you can reach.`,
    );
  } finally {
    redis.disconnect();
  }
}
