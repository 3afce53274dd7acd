/**
 * When a failed webhook delivery is tried again: base × 2^(attempts − 1), at most `maxMs`, with up to
 * 10 % of jitter so that the deliveries failing together do not all come back at the same instant.
 * `undefined` once `attempts` reached `maxAttempts`: the delivery is dead-lettered.
 */
export function nextAttemptDelay(
  attempts: number,
  policy: { baseMs: number; maxMs: number; maxAttempts: number },
  random: () => number = Math.random,
): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
  return Math.round(exponential * (1 + 0.1 * random()));
}
