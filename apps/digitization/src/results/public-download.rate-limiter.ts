import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainProblem, REDIS } from '@motcua/http';
import { DIGITIZATION_CONFIG, type DigitizationConfig } from '../config';

/** Fixed one-minute window per client IP in Redis, shared by every instance; fails closed. */
@Injectable()
export class PublicDownloadRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DIGITIZATION_CONFIG) private readonly config: DigitizationConfig,
  ) {}

  async consume(clientIp: string, now = Date.now()): Promise<void> {
    const key = `digitization:public-download:${clientIp}:${Math.floor(now / 60_000)}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [[unknown, number], unknown];
    const limit = this.config.PUBLIC_DOWNLOAD_RATE_PER_MINUTE;
    if (count > limit) {
      const retryAfter = 60 - Math.floor((now % 60_000) / 1000);
      throw new DomainProblem(429, 'rate-limited', 'Too many requests', `At most ${limit} downloads per minute; retry in ${retryAfter} s.`, { retryAfter });
    }
  }
}
