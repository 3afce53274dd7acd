import { localDaysBounds } from './local-time.util';

describe('localDaysBounds', () => {
  it('runs from 00:00 of the first local date to 00:00 after the last one (UTC+7)', () => {
    const { start, end } = localDaysBounds('2026-03-01', '2026-03-31');
    expect(start.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-31T17:00:00.000Z');
  });

  it('holds one whole day when both dates are the same, across a year end', () => {
    const { start, end } = localDaysBounds('2026-12-31', '2026-12-31');
    expect(start.toISOString()).toBe('2026-12-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => localDaysBounds('2026-02-30', '2026-03-01')).toThrow(/from/);
  });
});
