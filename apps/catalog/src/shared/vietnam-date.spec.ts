import { daysBetween, todayInVietnam } from './vietnam-date';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('turns to the next day at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-06-29T16:59:59Z'))).toBe('2026-06-29');
    expect(todayInVietnam(new Date('2026-06-29T17:00:00Z'))).toBe('2026-06-30');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-07-01', '2026-06-30')).toBe(-1);
  });
});
