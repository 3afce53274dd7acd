import { CalendarError } from './calendar.error';
import { formatEpochDay, parseIsoDate } from './iso-date.util';
import { fromLunarDate, lunarNewYear, toLunarDate } from './lunar-calendar.util';

// Published solar dates of Tết (lunar 1/1) in Vietnam.
const TET_IN_VIETNAM: Array<[number, string]> = [
  [1985, '1985-01-21'],
  [2007, '2007-02-17'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
];

describe('lunar calendar (Vietnam, UTC+7)', () => {
  it.each(TET_IN_VIETNAM)('Tết %i falls on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(toLunarDate(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('differs from the Chinese calendar (UTC+8) where history says it does', () => {
    // 1985: the new moon of 21 Jan fell before midnight in UTC+7 but after it in UTC+8.
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20');
    expect(lunarNewYear(2007, 8)).toBe('2007-02-18');
    // 1968: North Vietnam's new UTC+7 calendar put Tết a day before the South's.
    expect(lunarNewYear(1968)).toBe('1968-01-29');
    expect(lunarNewYear(1968, 8)).toBe('1968-01-30');
    // Most years agree.
    expect(lunarNewYear(2024, 8)).toBe(lunarNewYear(2024));
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])("puts Hùng Kings' day (10/3) of %i on %s", (year, date) => {
    expect(fromLunarDate({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it('finds the leap months (tháng nhuận) of 2020, 2023, 2025 and 2033', () => {
    expect(toLunarDate('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(toLunarDate('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(toLunarDate('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(toLunarDate('2025-08-23')).toEqual({ year: 2025, month: 7, day: 1, leap: false });
    // The "2033 problem": the Vietnamese calendar repeats month 11.
    expect(toLunarDate('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    expect(fromLunarDate({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(fromLunarDate({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
  });

  it('knows whether the last month of the year has 29 or 30 days', () => {
    expect(toLunarDate('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(toLunarDate('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(toLunarDate('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it('round-trips every day from 2015 to 2035', () => {
    let failures = 0;
    for (let day = parseIsoDate('2015-01-01'); day <= parseIsoDate('2035-12-31'); day += 1) {
      const date = formatEpochDay(day);
      const lunar = toLunarDate(date);
      if (fromLunarDate(lunar) !== date || lunar.day < 1 || lunar.day > 30) failures += 1;
    }
    expect(failures).toBe(0);
  });

  it('refuses lunar dates that do not exist, naming the rule', () => {
    const leapless = () => fromLunarDate({ year: 2024, month: 5, day: 1, leap: true });
    expect(leapless).toThrow(CalendarError);
    expect(leapless).toThrow(/rule: lunar-date/);
    expect(() => fromLunarDate({ year: 2023, month: 5, day: 1, leap: true })).toThrow(
      /leap month of 2023 is 2/,
    );
    expect(() => fromLunarDate({ year: 2024, month: 12, day: 30, leap: false })).toThrow(
      /that month has 29 days \(rule: lunar-date\)/,
    );
    expect(() => fromLunarDate({ year: 2024, month: 13, day: 1, leap: false })).toThrow(
      /lunar-date/,
    );
  });

  it('refuses years outside 1900-2199', () => {
    expect(() => lunarNewYear(1899)).toThrow(/rule: year-range/);
    expect(() => toLunarDate('2200-06-01')).toThrow(/rule: year-range/);
  });
});
