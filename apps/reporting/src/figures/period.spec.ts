import { bucketOf, resolvePeriod } from './period';
import { localDateOf } from '../projections/local-time';

describe('resolvePeriod', () => {
  it('gives the calendar month, quarter and year around a date, leap years included', () => {
    expect(resolvePeriod('month', '2028-02-10')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(resolvePeriod('quarter', '2026-11-29')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(resolvePeriod('year', '2026-05-01')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod('day', '2026-05-01')).toEqual({ kind: 'day', from: '2026-05-01', to: '2026-05-01' });
  });

  it('defaults to the local (UTC+7) date', () => {
    const now = new Date('2026-11-30T18:30:00Z');
    expect(resolvePeriod('day', undefined, undefined, undefined, now).from).toBe('2026-12-01');
  });

  it('buckets days by quarter', () => {
    expect(bucketOf('2026-08-15', 'quarter')).toBe('2026-07-01');
    expect(bucketOf('2026-08-15', 'month')).toBe('2026-08-01');
  });

  it('takes local dates in Asia/Ho_Chi_Minh', () => {
    expect(localDateOf('2026-11-29T17:00:00Z')).toBe('2026-11-30');
    expect(localDateOf('2026-11-30T08:30:00+07:00')).toBe('2026-11-30');
  });
});
