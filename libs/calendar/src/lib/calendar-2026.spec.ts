import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { YEAR_NOTICE_FILES } from '../data/year-notices';
import { Calendar } from './calendar.service';
import { DEFAULT_SWAP_TABLE } from './day-swaps.constant';
import {
  appointmentDate,
  describeDay,
  holidaysOf,
  isWorkingDay,
  makeUpWorkingDaysOf,
} from './default-calendar.api';
import {
  CULTURE_DAY_2026,
  HOLIDAY_RULE_SETS,
  LABOUR_CODE_2019,
  LABOUR_CODE_2019_WITH_CULTURE_DAY,
} from './holiday-rules.constant';
import { yearDecisionFromNotice } from './year-notice.loader';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('Vietnamese Culture Day (Nghị quyết 28/2026/QH16 Art. 2, from 2026-07-01)', () => {
  it('makes 24/11 a day off every year from 2026, naming its basis', () => {
    expect(isWorkingDay('2026-11-24')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-25')).toBe(true);
    expect(isWorkingDay('2027-11-24')).toBe(false); // Wednesday
    const day = describeDay('2026-11-24');
    expect(day).toMatchObject({ status: 'day-off', working: false });
    expect(day.holiday).toMatchObject({ key: 'culture-day', nameVi: 'Ngày Văn hóa Việt Nam' });
    expect(day.holiday?.source).toMatch(/Nghị quyết 28\/2026\/QH16.*Art\. 2/);
  });

  it('was a working day before the resolution (Mon 24/11/2025)', () => {
    expect(isWorkingDay('2025-11-24')).toBe(true);
  });

  it('applies from its own effective date inside the rule set (boundary 2026-07-01)', () => {
    const later = { ...CULTURE_DAY_2026, effectiveFrom: '2026-11-25' };
    const calendar = new Calendar({
      holidayRuleSets: [
        LABOUR_CODE_2019,
        { ...LABOUR_CODE_2019_WITH_CULTURE_DAY, statutoryDaysOff: [later] },
      ],
    });
    expect(calendar.isWorkingDay('2026-11-24')).toBe(true);
    expect(calendar.isWorkingDay('2027-11-24')).toBe(false);
    const onTheDay = { ...CULTURE_DAY_2026, effectiveFrom: '2026-11-24' };
    const calendar2 = new Calendar({
      holidayRuleSets: [
        LABOUR_CODE_2019,
        { ...LABOUR_CODE_2019_WITH_CULTURE_DAY, statutoryDaysOff: [onTheDay] },
      ],
    });
    expect(calendar2.isWorkingDay('2026-11-24')).toBe(false);
  });

  it('gives no day in lieu on a weekend by default (unsettled: policy flag), one when the flag says so', () => {
    // Saturday 24/11/2029 is the first weekend occurrence.
    expect(describeDay('2029-11-24')).toMatchObject({ status: 'weekly-rest-day' });
    expect(isWorkingDay('2029-11-26')).toBe(true);
    expect(CULTURE_DAY_2026.onWeeklyRestDay).toBe('no-make-up');
    expect(CULTURE_DAY_2026.onWeeklyRestDayBasis).toMatch(/Unsettled/);
    const madeUp = new Calendar({
      holidayRuleSets: [
        LABOUR_CODE_2019,
        {
          ...LABOUR_CODE_2019_WITH_CULTURE_DAY,
          statutoryDaysOff: [{ ...CULTURE_DAY_2026, onWeeklyRestDay: 'next-working-day' }],
        },
      ],
    });
    expect(madeUp.isWorkingDay('2029-11-26')).toBe(false);
    expect(madeUp.describeDay('2029-11-26').holiday).toMatchObject({
      kind: 'compensatory-day-off',
      compensates: '2029-11-24',
    });
  });

  it('is in the default rule sets from 2026 only', () => {
    expect(HOLIDAY_RULE_SETS.map((s) => `${s.id} ${s.effectiveFrom}`)).toEqual([
      'blld-2019 2021-01-01',
      'blld-2019-nq28-2026 2026-01-01',
    ]);
  });

  it('moves the appointment of a dossier received Fri 20/11/2026 with 5 working days to Mon 30/11', () => {
    // 23/11 = 1, 24/11 off, 25 = 2, 26 = 3, 27 = 4, (28-29 weekend), 30 = 5.
    const limit = { value: 5, unit: 'working_days' as const };
    expect(appointmentDate({ receivedAt: vn('2026-11-20T09:00:00'), limit })).toBe('2026-11-30');
    const without = new Calendar({ holidayRuleSets: [LABOUR_CODE_2019] });
    expect(without.appointmentDate({ receivedAt: vn('2026-11-20T09:00:00'), limit })).toBe(
      '2026-11-27',
    );
  });
});

describe('2026 notice: Thông báo 9441/TB-BNV of 16/10/2025', () => {
  it('gives Monday 31/8/2026 off and makes Saturday 22/8/2026 a working day', () => {
    expect(isWorkingDay('2026-08-31')).toBe(false);
    expect(isWorkingDay('2026-08-22')).toBe(true);
    expect(isWorkingDay('2026-08-29')).toBe(false); // ordinary Saturday
    expect(describeDay('2026-08-31').holiday).toMatchObject({ kind: 'swapped-day-off' });
    expect(describeDay('2026-08-31').holiday?.source).toMatch(/9441\/TB-BNV.*2025-10-16/);
    expect(makeUpWorkingDaysOf(2026).map((m) => `${m.date}→${m.replaces}`)).toEqual([
      '2026-01-10→2026-01-02',
      '2026-08-22→2026-08-31',
    ]);
    const national = holidaysOf(2026).filter((h) => h.key.startsWith('national-day'));
    expect(national.map((h) => h.date)).toEqual(['2026-09-01', '2026-09-02']);
  });
});

describe('year notices as data (src/data/year-notices/<year>.json)', () => {
  const folder = join(__dirname, '..', 'data', 'year-notices');
  const valid = () => JSON.parse(JSON.stringify(YEAR_NOTICE_FILES[2])) as Record<string, unknown>;

  it('lists every data file of the folder, one per year, in order', () => {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(['2024.json', '2025.json', '2026.json']);
    expect(DEFAULT_SWAP_TABLE.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('records each notice with number, issuer, date of issue (when known), where it was read and confidence', () => {
    for (const year of DEFAULT_SWAP_TABLE.years) {
      for (const notice of year.notices ?? []) {
        expect(notice.document).toMatch(/\d+\/(TB|VPCP|BNV)/);
        expect(notice.reference).toBeTruthy();
        expect(['confirmed', 'copy', 'unverified']).toContain(notice.confidence);
      }
    }
    const y2026 = DEFAULT_SWAP_TABLE.years.find((y) => y.year === 2026)!;
    expect(y2026.notices?.map((n) => `${n.id} ${n.issuedOn} ${n.confidence}`)).toEqual([
      '9441 2025-10-16 confirmed',
      '12729 2025-12-25 copy',
      '3383 2026-04-10 confirmed',
    ]);
  });

  it('has every day a notice confirms off in the calendar', () => {
    const confirmed = DEFAULT_SWAP_TABLE.years.flatMap((y) =>
      (y.notices ?? []).flatMap((n) => n.confirmsDaysOff ?? []),
    );
    expect(confirmed).toEqual(['2026-04-27']);
    for (const day of confirmed) expect(isWorkingDay(day)).toBe(false);
  });

  it.each([
    [
      'an unknown field',
      (f: Record<string, unknown>) => (f.holidays = []),
      /unknown field\(s\) holidays/,
    ],
    [
      'a notice without confidence',
      (f: Record<string, unknown>) => delete (f.notices as Record<string, unknown>[])[0].confidence,
      /2026\.notices\[0\]\.confidence: must be one of confirmed, copy, unverified/,
    ],
    [
      'a notice without where it was read',
      (f: Record<string, unknown>) => delete (f.notices as Record<string, unknown>[])[0].reference,
      /notices\[0\]\.reference: must be a non-empty string/,
    ],
    [
      'an entry naming a notice that is not listed',
      (f: Record<string, unknown>) => ((f.swaps as Record<string, unknown>[])[1].notice = '9999'),
      /2026\.swaps\[1\]\.notice: names notice 9999/,
    ],
    [
      'a date that does not exist',
      (f: Record<string, unknown>) =>
        ((f.swaps as Record<string, unknown>[])[1].dayOff = '2026-02-30'),
      /iso-date-exists/,
    ],
    ['no notice at all', (f: Record<string, unknown>) => (f.notices = []), /at least one notice/],
  ])('refuses %s, naming the field', (_label, change, message) => {
    const file = valid();
    change(file);
    expect(() => yearDecisionFromNotice(file)).toThrow(message);
  });

  it('refuses, when the calendar is built, a swap whose make-up day is not a Saturday', () => {
    const file = valid();
    (file.swaps as Record<string, unknown>[])[1].makeUpDay = '2026-08-21';
    const years = DEFAULT_SWAP_TABLE.years.map((y) =>
      y.year === 2026 ? yearDecisionFromNotice(file) : y,
    );
    expect(() => new Calendar({ swapTable: { ...DEFAULT_SWAP_TABLE, years } })).toThrow(
      /swaps\[1\]\.makeUpDay 2026-08-21 must be a weekly rest day/,
    );
  });
});
