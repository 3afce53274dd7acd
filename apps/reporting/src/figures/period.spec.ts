import { bucketOf, resolvePeriod, splitByMonths } from './period';
import { toLocalDate } from '@motcua/calendar';

describe('resolvePeriod', () => {
  it('gives the calendar month, quarter and year around a date, leap years included', () => {
    expect(resolvePeriod('month', '2028-02-10')).toEqual({
      kind: 'month',
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(resolvePeriod('quarter', '2026-11-29')).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod('year', '2026-05-01')).toEqual({
      kind: 'year',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(resolvePeriod('day', '2026-05-01')).toEqual({
      kind: 'day',
      from: '2026-05-01',
      to: '2026-05-01',
    });
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
    expect(toLocalDate('2026-11-29T17:00:00Z')).toBe('2026-11-30');
    expect(toLocalDate('2026-11-30T08:30:00+07:00')).toBe('2026-11-30');
  });
});

describe('splitByMonths', () => {
  it('answers whole months from the monthly rollup and the partial ends from the daily one', () => {
    expect(splitByMonths('2025-01-01', '2025-12-31')).toEqual({
      months: { from: '2025-01-01', to: '2025-12-01' },
      days: [],
    });
    expect(splitByMonths('2025-02-01', '2025-02-28')).toEqual({
      months: { from: '2025-02-01', to: '2025-02-01' },
      days: [],
    });
    expect(splitByMonths('2024-12-29', '2025-02-03')).toEqual({
      months: { from: '2025-01-01', to: '2025-01-01' },
      days: [
        { from: '2024-12-29', to: '2024-12-31' },
        { from: '2025-02-01', to: '2025-02-03' },
      ],
    });
    expect(splitByMonths('2025-03-05', '2025-03-20')).toEqual({
      months: null,
      days: [{ from: '2025-03-05', to: '2025-03-20' }],
    });
    expect(splitByMonths('2025-03-05', '2025-04-29')).toEqual({
      months: null,
      days: [{ from: '2025-03-05', to: '2025-04-29' }],
    });
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [],
    });
  });
});
