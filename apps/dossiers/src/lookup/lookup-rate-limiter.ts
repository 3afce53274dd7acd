import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainProblem, REDIS } from '@motcua/http';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';

/**
 * Fixed one-minute window per client IP in Redis (shared by every instance). Redis holds only
 * counters here; when it is unreachable the lookup is refused rather than left unlimited.
 */
@Injectable()
export class LookupRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DOSSIERS_CONFIG) private readonly config: DossiersConfig,
  ) {}

  async consume(clientIp: string, now = Date.now()): Promise<void> {
    const window = Math.floor(now / 60_000);
    const key = `dossiers:lookup-rate:${clientIp}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [[unknown, number], unknown];
    const limit = this.config.LOOKUP_RATE_PER_MINUTE;
    if (count > limit) {
      const retryAfter = 60 - Math.floor((now % 60_000) / 1000);
      throw new DomainProblem(429, 'rate-limited', 'Too many requests', `At most ${limit} lookups per minute; retry in ${retryAfter} s.`, { retryAfter });
    }
  }
}
