import { daysBetween } from './vietnam-date';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-07-01', '2026-06-30')).toBe(-1);
  });
});
