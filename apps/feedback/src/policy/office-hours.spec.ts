import { workingHoursBetween } from './office-hours';

const at = (local: string) => new Date(`${local}+07:00`);

describe('workingHoursBetween (07:00-11:30, 13:30-17:00 on working days)', () => {
  it('counts a full working day as 8 hours', () => {
    expect(workingHoursBetween(at('2026-12-01T07:00:00'), at('2026-12-01T17:00:00'))).toBe(8);
  });
  it('skips the lunch break and nights', () => {
    expect(workingHoursBetween(at('2026-12-01T11:00:00'), at('2026-12-02T08:00:00'))).toBe(5);
  });
  it('skips Tết: Friday 13 Feb 16:00 to Monday 23 Feb 08:00 is 2 hours', () => {
    expect(workingHoursBetween(at('2026-02-13T16:00:00'), at('2026-02-23T08:00:00'))).toBe(2);
  });
  it('is 0 when the end is not after the start', () => {
    expect(workingHoursBetween(at('2026-12-02T08:00:00'), at('2026-12-01T08:00:00'))).toBe(0);
  });
});
