import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainProblem } from './problem';
import { REDIS } from './service-kit.module';

/** A limit of requests per client and minute: `key` prefixes the Redis counters, `what` names the requests. */
export type RateRule = { key: string; perMinute: number; what: string };

/**
 * Fixed one-minute windows per client in Redis, shared by every instance of a service. Redis holds
 * only counters (`<key>:<client>:<minute>`, expiring after 61 s); when it is unreachable the request
 * fails rather than going unlimited. Past the limit: 429 `rate-limited` with `retryAfter` seconds.
 */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async consume(rule: RateRule, client: string, now = Date.now()): Promise<void> {
    const key = `${rule.key}:${client}:${Math.floor(now / 60_000)}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [
      [unknown, number],
      unknown,
    ];
    if (count > rule.perMinute) {
      const retryAfter = 60 - Math.floor((now % 60_000) / 1000);
      throw new DomainProblem(
        429,
        'rate-limited',
        'Too many requests',
        `At most ${rule.perMinute} ${rule.what} per minute; retry in ${retryAfter} s.`,
        { retryAfter },
      );
    }
  }
}
