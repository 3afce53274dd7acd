import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainProblem, REDIS } from '@motcua/http';

/**
 * Fixed one-minute windows per client in Redis, shared by every instance. Redis holds only
 * counters; when it is unreachable the request fails rather than going unlimited.
 */
@Injectable()
export class FeedbackRateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async consume(bucket: 'submit' | 'lookup', client: string, limit: number, now = Date.now()): Promise<void> {
    const window = Math.floor(now / 60_000);
    const key = `feedback:rate:${bucket}:${client}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [[unknown, number], unknown];
    if (count > limit) {
      const retryAfter = 60 - Math.floor((now % 60_000) / 1000);
      throw new DomainProblem(429, 'rate-limited', 'Too many requests', `At most ${limit} ${bucket === 'submit' ? 'submissions' : 'lookups'} per minute; retry in ${retryAfter} s.`, { retryAfter });
    }
  }
}
