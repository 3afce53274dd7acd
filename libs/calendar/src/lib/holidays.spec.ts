import { fromLunarDate, lunarNewYear } from './lunar-calendar.util';
import { describeDay, holidaysOf, isWorkingDay, makeUpWorkingDaysOf } from './default-calendar.api';

const offDates = (year: number) => holidaysOf(year).map((h) => h.date);

describe('holidays (Labour Code 2019 + the table of government decisions)', () => {
  it('lists the 2025 days off with Vietnamese and English names, rule and source', () => {
    const holidays = holidaysOf(2025);
    expect(holidays.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2025-01-01 public-holiday',
      '2025-01-27 public-holiday',
      '2025-01-28 public-holiday',
      '2025-01-29 public-holiday',
      '2025-01-30 public-holiday',
      '2025-01-31 public-holiday',
      '2025-04-07 public-holiday',
      '2025-04-30 public-holiday',
      '2025-05-01 public-holiday',
      '2025-05-02 swapped-day-off',
      '2025-09-01 public-holiday',
      '2025-09-02 public-holiday',
    ]);
    const hung = holidays.find((h) => h.key === 'hung-kings');
    expect(hung).toMatchObject({
      nameVi: 'Giỗ Tổ Hùng Vương',
      nameEn: "Hùng Kings' Commemoration Day",
    });
    expect(hung?.rule).toMatch(/Art\. 112\(1\)\(e\)/);
    expect(hung?.source).toMatch(/45\/2019\/QH14/);
    const tet = holidays.find((h) => h.key === 'tet');
    expect(tet?.source).toMatch(/6150\/TB-BLĐTBXH/);
    expect(tet?.source).toMatch(/2024-12-03/);
    expect(holidays.find((h) => h.kind === 'swapped-day-off')?.source).toMatch(/6150/);
  });

  it('uses the decided Tết days of 2024 and compensates the two that fell on the weekend', () => {
    const tet2024 = holidaysOf(2024).filter((h) => h.key === 'tet');
    expect(tet2024.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2024-02-08 public-holiday',
      '2024-02-09 public-holiday',
      '2024-02-10 public-holiday',
      '2024-02-11 public-holiday',
      '2024-02-12 public-holiday',
      '2024-02-13 compensatory-day-off',
      '2024-02-14 compensatory-day-off',
    ]);
    expect(tet2024[5].compensates).toBe('2024-02-10');
    expect(isWorkingDay('2024-02-07')).toBe(true);
    expect(isWorkingDay('2024-02-15')).toBe(true);
  });

  it('without a decision, gives Tết the day before lunar 1/1 and 1/1-4/1 (2027: 5-9/2, 10-11/2 in lieu)', () => {
    expect(lunarNewYear(2027)).toBe('2027-02-06');
    const tet = holidaysOf(2027).filter((h) => h.key === 'tet');
    expect(tet.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2027-02-05 public-holiday',
      '2027-02-06 public-holiday',
      '2027-02-07 public-holiday',
      '2027-02-08 public-holiday',
      '2027-02-09 public-holiday',
      '2027-02-10 compensatory-day-off',
      '2027-02-11 compensatory-day-off',
    ]);
    expect(tet[0].rule).toMatch(/default/);
  });

  it('records Tết 2026 (16-20/2) as decided by Thông báo 9441/TB-BNV of 16/10/2025', () => {
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    const tet = holidaysOf(2026).filter((h) => h.key === 'tet');
    expect(tet.map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(tet[0].rule).toMatch(/decided for 2026/);
    expect(tet[0].source).toMatch(/9441\/TB-BNV.*2025-10-16/);
  });

  it.each([
    ['2022-01-01', '2022-01-03'], // New Year on Saturday → Monday
    ['2023-01-01', '2023-01-02'], // New Year on Sunday → Monday
    ['2026-04-26', '2026-04-27'], // Hùng Kings' day on Sunday → Monday
    ['2027-05-01', '2027-05-03'], // 1 May on Saturday → Monday
  ])('a holiday on a weekend (%s) gives the next working day (%s) off', (holiday, compensation) => {
    const year = Number(holiday.slice(0, 4));
    const day = holidaysOf(year).find((h) => h.compensates === holiday);
    expect(day?.date).toBe(compensation);
    expect(day?.kind).toBe('compensatory-day-off');
    expect(day?.rule).toMatch(/Art\. 111\(3\)/);
    expect(isWorkingDay(compensation)).toBe(false);
  });

  it('queues compensations after a run of holidays (Hùng Kings 2023 on Saturday, 30/4 on Sunday)', () => {
    expect(fromLunarDate({ year: 2023, month: 3, day: 10, leap: false })).toBe('2023-04-29');
    const comp = holidaysOf(2023).filter(
      (h) => h.kind === 'compensatory-day-off' && h.date.startsWith('2023-05'),
    );
    expect(comp.map((h) => [h.compensates, h.date])).toEqual([
      ['2023-04-29', '2023-05-02'],
      ['2023-04-30', '2023-05-03'],
    ]);
  });

  it('a swapped make-up Saturday counts as a working day, the swapped weekday does not', () => {
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-04-19')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2025-05-02')).toBe(false);
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2024-04-29')).toBe(false);
    expect(isWorkingDay('2026-01-10')).toBe(true);
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(makeUpWorkingDaysOf(2025)).toEqual([
      expect.objectContaining({ date: '2025-04-26', replaces: '2025-05-02' }),
    ]);
    expect(describeDay('2025-04-26').status).toBe('make-up-working-day');
  });

  it('picks the National Day adjacent day from the table, else joins the break to a weekend', () => {
    const adjacent = (year: number) =>
      holidaysOf(year).filter((h) => h.key === 'national-day-adjacent');
    expect(adjacent(2024)[0].date).toBe('2024-09-03'); // decided (5015/TB-LĐTBXH)
    expect(adjacent(2025)[0].date).toBe('2025-09-01'); // decided (6150/TB-LĐTBXH)
    expect(adjacent(2026)[0].date).toBe('2026-09-01'); // default: Wednesday 2/9 → 1/9
    expect(adjacent(2027)[0].date).toBe('2027-09-03'); // default: Thursday 2/9 → Friday 3/9
    expect(adjacent(2028)[0].date).toBe('2028-09-01'); // default: Saturday 2/9 → Friday 1/9
    expect(offDates(2028)).toContain('2028-09-04'); // + compensation for Saturday 2/9
    // 2029: 2/9 is a Sunday and 1/9 a Saturday → 3/9 (Mon) adjacent, 4/9 (Tue) compensation.
    expect(adjacent(2029)[0].date).toBe('2029-09-03');
    expect(offDates(2029)).toEqual(expect.arrayContaining(['2029-09-03', '2029-09-04']));
    expect(isWorkingDay('2029-09-05')).toBe(true);
  });

  it('every year 2021-2099 has 5 Tết days around lunar 1/1 and Hùng Kings on lunar 10/3', () => {
    for (let year = 2021; year <= 2099; year += 1) {
      const holidays = holidaysOf(year);
      const tet = holidays.filter((h) => h.key === 'tet' && h.kind === 'public-holiday');
      expect(tet).toHaveLength(5);
      expect(tet.map((h) => h.date)).toContain(lunarNewYear(year));
      const hung = holidays.find((h) => h.key === 'hung-kings' && h.kind === 'public-holiday');
      expect(hung?.date).toBe(fromLunarDate({ year, month: 3, day: 10, leap: false }));
      expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
    }
  });

  it('refuses years outside the supported range, naming the rule', () => {
    expect(() => holidaysOf(2020)).toThrow(/year 2020 is outside .* 2021-2099 .*rule: year-range/);
    expect(() => isWorkingDay('2100-01-04')).toThrow(/rule: year-range/);
  });
});
