import { Calendar, createCalendar } from './calendar.service';
import { DEFAULT_SWAP_TABLE } from './day-swaps.constant';
import { type LegalSource, type SwapTable, type YearDecision } from './day-swaps.types';
import { calendarVersion, defaultCalendar } from './default-calendar.api';
import { HOLIDAY_RULE_SETS } from './holiday-rules.constant';
import { type HolidayRuleSet } from './holiday.types';
import { RECEIPT_POLICIES } from './receipt-policy.constant';
import { type ReceiptPolicy } from './receipt-policy.types';

const source: LegalSource = {
  document: 'Test 1/TB-TEST',
  issuedBy: 'Test issuer',
  issuedOn: '2025-01-02',
};
const tableWith = (...years: YearDecision[]): SwapTable => ({
  id: 'test',
  description: 'test table',
  years,
});
const vn = (local: string) => new Date(`${local}+07:00`);

describe('Calendar with an injected table', () => {
  it('a different table gives a different result and a different version', () => {
    const calendar = createCalendar({
      swapTable: tableWith({
        year: 2025,
        extraDaysOff: [
          { date: '2025-03-14', nameVi: 'Nghỉ thêm', nameEn: 'Extra day off', source },
        ],
      }),
    });
    expect(defaultCalendar.isWorkingDay('2025-03-14')).toBe(true);
    expect(calendar.isWorkingDay('2025-03-14')).toBe(false);
    expect(calendar.addWorkingDays('2025-03-13', 1)).toBe('2025-03-17');
    expect(defaultCalendar.addWorkingDays('2025-03-13', 1)).toBe('2025-03-14');
    expect(calendar.holidaysOf(2025).find((h) => h.date === '2025-03-14')).toMatchObject({
      kind: 'extra-day-off',
      nameEn: 'Extra day off',
      source: 'Test 1/TB-TEST (Test issuer, 2025-01-02)',
    });
    expect(calendar.version).not.toBe(calendarVersion);
  });

  it('an empty table falls back to the defaults (Tết 2025 would be 28/1-1/2)', () => {
    const calendar = new Calendar({ swapTable: tableWith() });
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true); // decided day off in the real table
    expect(defaultCalendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(false); // compensation for Saturday 1/2 (mùng 4)
    expect(calendar.isWorkingDay('2025-04-26')).toBe(false); // no make-up Saturday without the swap
  });

  it('records which table an appointment was computed with', () => {
    const input = {
      receivedAt: vn('2025-03-13T09:00:00'),
      limit: { value: 1, unit: 'working_days' as const },
    };
    const before = defaultCalendar.explainAppointment(input);
    const after = createCalendar({
      swapTable: tableWith({
        year: 2025,
        extraDaysOff: [
          { date: '2025-03-14', nameVi: 'Nghỉ thêm', nameEn: 'Extra day off', source },
        ],
      }),
    }).explainAppointment(input);
    expect(before.appointmentDate).toBe('2025-03-14');
    expect(after.appointmentDate).toBe('2025-03-17');
    expect(before.calendarVersion).toBe(calendarVersion);
    expect(after.calendarVersion).not.toBe(before.calendarVersion);
  });
});

describe('calendar version', () => {
  it('is a stable fingerprint of the content, not of key order or object identity', () => {
    expect(calendarVersion).toMatch(/^vn-cal-1-vn-gov-decisions-[0-9a-f]{16}$/);
    expect(new Calendar().version).toBe(calendarVersion);
    const reordered: SwapTable = JSON.parse(JSON.stringify(DEFAULT_SWAP_TABLE), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(DEFAULT_SWAP_TABLE)[0]);
    expect(new Calendar({ swapTable: reordered }).version).toBe(calendarVersion);
  });

  it('is not affected by mutating its inputs after construction', () => {
    const table: SwapTable = JSON.parse(JSON.stringify(DEFAULT_SWAP_TABLE));
    const policies: ReceiptPolicy[] = JSON.parse(JSON.stringify(RECEIPT_POLICIES));
    const policy = policies[0];
    const ruleSets: HolidayRuleSet[] = JSON.parse(JSON.stringify(HOLIDAY_RULE_SETS));
    const ruleSet = ruleSets[0];
    const calendar = new Calendar({
      swapTable: table,
      receiptPolicies: policies,
      holidayRuleSets: ruleSets,
    });
    table.years[1].swaps![0].dayOff = '2025-05-05';
    policy.transferCutoff = '16:00';
    ruleSet.weeklyRestDays = [0];
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-03-15')).toBe(false); // still a Saturday off
    expect(calendar.transferDeadline(vn('2025-03-17T15:30:00'))).toEqual(vn('2025-03-18T07:00:00'));
    expect(calendar.version).toBe(calendarVersion);
  });

  it('changes when any entry changes', () => {
    const changed: SwapTable = JSON.parse(JSON.stringify(DEFAULT_SWAP_TABLE));
    changed.years[0].swaps![0].source.note = 'edited';
    expect(new Calendar({ swapTable: changed }).version).not.toBe(calendarVersion);
  });
});

describe('table validation', () => {
  const build = (decision: YearDecision) => () => new Calendar({ swapTable: tableWith(decision) });

  it('a make-up day must be a weekly rest day and a swapped day a weekday', () => {
    expect(
      build({ year: 2025, swaps: [{ dayOff: '2025-05-02', makeUpDay: '2025-04-25', source }] }),
    ).toThrow(/makeUpDay 2025-04-25 must be a weekly rest day.*rule: swap-table/);
    expect(
      build({ year: 2025, swaps: [{ dayOff: '2025-05-03', makeUpDay: '2025-04-26', source }] }),
    ).toThrow(/dayOff 2025-05-03 is already a weekly rest day/);
  });

  it('a swapped day off cannot be a public holiday', () => {
    expect(
      build({ year: 2025, swaps: [{ dayOff: '2025-04-30', makeUpDay: '2025-04-26', source }] }),
    ).toThrow(/2025-04-30 swapped day off is already a public holiday.*rule: swap-table/);
  });

  it('Tết days must be 5 distinct dates around lunar 1/1', () => {
    const four = ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'];
    expect(build({ year: 2025, tetDays: { dates: four, source } })).toThrow(
      /must list 5 distinct dates/,
    );
    const noNewYear = ['2025-01-22', '2025-01-23', '2025-01-24', '2025-01-27', '2025-01-28'];
    expect(build({ year: 2025, tetDays: { dates: noNewYear, source } })).toThrow(
      /must include lunar 1\/1/,
    );
  });

  it('the National Day adjacent day must be 1 or 3 September', () => {
    expect(build({ year: 2026, nationalDayAdjacent: { date: '2026-09-04', source } })).toThrow(
      /must be the day before or after 2\/9/,
    );
  });

  it('every entry names its source; dates exist and lie in the entry year; years are unique and supported', () => {
    const noSource = { document: '', issuedBy: 'x' } as LegalSource;
    expect(
      build({
        year: 2025,
        swaps: [{ dayOff: '2025-05-02', makeUpDay: '2025-04-26', source: noSource }],
      }),
    ).toThrow(/must name its legal source/);
    expect(
      build({ year: 2025, swaps: [{ dayOff: '2026-05-04', makeUpDay: '2025-04-26', source }] }),
    ).toThrow(/2026-05-04 is not in 2025/);
    expect(
      build({ year: 2025, swaps: [{ dayOff: '2025-02-30', makeUpDay: '2025-04-26', source }] }),
    ).toThrow(/rule: iso-date-exists/);
    expect(() => new Calendar({ swapTable: tableWith({ year: 2025 }, { year: 2025 }) })).toThrow(
      /lists year 2025 twice/,
    );
    expect(() => new Calendar({ swapTable: tableWith({ year: 2019 }) })).toThrow(
      /outside the supported years 2021-2099/,
    );
  });
});
