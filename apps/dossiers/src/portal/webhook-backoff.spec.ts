import { nextAttemptDelay } from './webhook-backoff';

describe('webhook retry backoff', () => {
  const policy = { baseMs: 1000, maxMs: 30_000, maxAttempts: 6 };
  const noJitter = () => 0;

  it('doubles the wait after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextAttemptDelay(n, policy, noJitter))).toEqual([
      1000, 2000, 4000, 8000, 16_000,
    ]);
    expect(nextAttemptDelay(5, { ...policy, maxMs: 10_000 }, noJitter)).toBe(10_000);
  });

  it('adds at most 10 % of jitter', () => {
    expect(nextAttemptDelay(3, policy, () => 0.999)).toBe(4400);
  });

  it('gives up (dead letter) once the attempts are used', () => {
    expect(nextAttemptDelay(6, policy, noJitter)).toBeUndefined();
    expect(nextAttemptDelay(7, policy, noJitter)).toBeUndefined();
  });
});
