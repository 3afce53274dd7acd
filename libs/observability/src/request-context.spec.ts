import { correlationIdFrom, currentContext, runWithContext } from './request-context';

describe('request context', () => {
  it('keeps the correlation id across awaits inside the unit of work', async () => {
    const seen = await runWithContext({ correlationId: 'req-42' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return currentContext()?.correlationId;
    });
    expect(seen).toBe('req-42');
    expect(currentContext()).toBeUndefined();
  });

  it('accepts a plausible caller id and replaces anything else', () => {
    expect(correlationIdFrom('abc-123')).toBe('abc-123');
    const replaced = correlationIdFrom('<script>alert(1)</script>');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
