import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DomainProblem } from '../src/problem';
import { RateLimiter } from '../src/rate-limiter';

/** The shared limiter against the real Redis of the tests (its own keys, removed afterwards). */
describe('RateLimiter (fixed one-minute windows in Redis)', () => {
  const redis = new Redis(
    process.env.MOTCUA_TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1',
  );
  const limiter = new RateLimiter(redis);
  const rule = { key: `test:rate:${randomUUID()}`, perMinute: 2, what: 'lookups' };
  const minute = Date.UTC(2026, 11, 3, 3, 0, 0);

  afterAll(async () => {
    const keys = await redis.keys(`${rule.key}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('lets the limit through, refuses the next with 429 and when to retry', async () => {
    await limiter.consume(rule, 'client-a', minute + 1_000);
    await limiter.consume(rule, 'client-a', minute + 2_000);
    const refused = await limiter
      .consume(rule, 'client-a', minute + 15_500)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainProblem);
    expect((refused as DomainProblem).toProblem()).toMatchObject({
      status: 429,
      type: 'https://motcua.gov.vn/problems/rate-limited',
      detail: 'At most 2 lookups per minute; retry in 45 s.',
      retryAfter: 45,
    });
  });

  it('counts each client apart, and starts again in the next minute', async () => {
    await expect(limiter.consume(rule, 'client-b', minute + 3_000)).resolves.toBeUndefined();
    await expect(limiter.consume(rule, 'client-a', minute + 60_000)).resolves.toBeUndefined();
  });

  it('keeps its counters under the given key, expiring after 61 s', async () => {
    const ttl = await redis.ttl(`${rule.key}:client-a:${Math.floor(minute / 60_000)}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(61);
    expect(await redis.get(`${rule.key}:client-a:${Math.floor(minute / 60_000)}`)).toBe('3');
  });
});
