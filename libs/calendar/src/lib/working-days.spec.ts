import { CalendarError } from './calendar.error';
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from './default-calendar.api';

describe('working days', () => {
  it('weekdays work, weekends do not', () => {
    expect(isWorkingDay('2025-03-14')).toBe(true); // Friday
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-17')).toBe(true); // Monday
  });

  it('addWorkingDays never counts the start date; n = 0 returns it if it is a working day', () => {
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Fri + 1 → Mon
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // Sat + 1 → Mon
    expect(addWorkingDays('2025-03-17', 5)).toBe('2025-03-24');
    expect(addWorkingDays('2025-03-17', 0)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-17');
  });

  it('skips Tết 2026 (14-22/2)', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-16', 0)).toBe('2026-02-23');
    expect(workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
  });

  it('skips 30/4-1/5 and uses the make-up Saturday (2025), and the 2026 long weekend', () => {
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'); // Sat 26/4 is worked
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05'); // 30/4-4/5 off
    expect(addWorkingDays('2024-04-26', 1)).toBe('2024-05-02'); // 27/4-1/5/2024 off
    expect(addWorkingDays('2026-04-29', 1)).toBe('2026-05-04'); // 30/4-3/5/2026 off
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // Hùng Kings 26/4 → off 27/4
  });

  it('nextWorkingDay is strictly after the date', () => {
    expect(nextWorkingDay('2025-03-17')).toBe('2025-03-18');
    expect(nextWorkingDay('2025-01-24')).toBe('2025-02-03'); // Tết 2025: 25/1-2/2
    expect(nextWorkingDay('2025-12-31')).toBe('2026-01-05'); // 1/1 holiday, 2/1 swapped
  });

  it('workingDaysBetween counts (from, to] and inverts addWorkingDays', () => {
    // January 2026: 22 weekdays - 1/1 - 2/1 + Saturday 10/1 = 21.
    expect(workingDaysBetween('2025-12-31', '2026-01-31')).toBe(21);
    expect(workingDaysBetween('2026-01-31', '2025-12-31')).toBe(-21);
    expect(workingDaysBetween('2026-01-31', '2026-01-31')).toBe(0);
    for (const [start, n] of [
      ['2025-01-20', 10],
      ['2026-02-10', 7],
      ['2025-04-24', 4],
    ] as const) {
      expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });

  it('addCalendarDays is plain arithmetic, across month, leap day and year', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2025-03-16', 0)).toBe('2025-03-16'); // a Sunday stays a Sunday
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('input validation', () => {
  const ruleOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      return error instanceof CalendarError ? error.rule : `not a CalendarError: ${String(error)}`;
    }
    return 'did not throw';
  };

  it('refuses a date that does not exist (2025-02-30)', () => {
    expect(ruleOf(() => isWorkingDay('2025-02-30'))).toBe('iso-date-exists');
    expect(() => isWorkingDay('2025-02-30')).toThrow(
      'date "2025-02-30" does not exist in the Gregorian calendar (rule: iso-date-exists)',
    );
    expect(ruleOf(() => addWorkingDays('2025-13-01', 1))).toBe('iso-date-exists');
    expect(ruleOf(() => isWorkingDay('2025-02-29'))).toBe('iso-date-exists');
    expect(isWorkingDay('2024-02-29')).toBe(true);
  });

  it('refuses anything but YYYY-MM-DD (2025-1-5, timestamps, non-strings)', () => {
    expect(ruleOf(() => isWorkingDay('2025-1-5'))).toBe('iso-date-format');
    expect(() => addWorkingDays('2025-1-5', 1)).toThrow(
      /"2025-1-5" is not an ISO calendar date.*rule: iso-date-format/,
    );
    expect(ruleOf(() => isWorkingDay('2025-01-05T00:00:00Z'))).toBe('iso-date-format');
    expect(ruleOf(() => isWorkingDay(' 2025-01-05'))).toBe('iso-date-format');
    expect(ruleOf(() => isWorkingDay(20250105 as unknown as string))).toBe('iso-date-format');
  });

  it('refuses a negative or fractional n, and a fractional calendar offset', () => {
    expect(ruleOf(() => addWorkingDays('2025-03-17', -1))).toBe('non-negative-integer');
    expect(ruleOf(() => addWorkingDays('2025-03-17', 1.5))).toBe('non-negative-integer');
    expect(ruleOf(() => addWorkingDays('2025-03-17', Number.NaN))).toBe('non-negative-integer');
    expect(ruleOf(() => addCalendarDays('2025-03-17', 0.5))).toBe('integer');
  });

  it('names the argument in workingDaysBetween', () => {
    expect(() => workingDaysBetween('2025-03-17', '2025-3-18')).toThrow(/^to "2025-3-18"/);
  });
});
