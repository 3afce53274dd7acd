import { type HolidayRuleSet, type StatutoryDayOffRule } from './holiday.types';

const CODE_2019 = 'Labour Code 2019 (Bộ luật Lao động, Law 45/2019/QH14)';

/**
 * Public holidays of the Labour Code 2019, in force from 2021-01-01 (docs/domain.md §3).
 *
 * Art. 112(1): (a) 1 January, 1 day; (b) Tết, 5 days; (c) 30 April, 1 day; (d) 1 May, 1 day;
 * (đ) 2 September plus one day before or after it; (e) Hùng Kings' day, 10/3 lunar, 1 day.
 * Art. 112(3): the Prime Minister fixes the days of (b) and (đ) each year, which is why the
 * per-year table (day-swaps.constant.ts) can list them; the defaults below are used otherwise.
 * Art. 111(3): a holiday that falls on a weekly rest day gives the next working day off.
 */
export const LABOUR_CODE_2019: HolidayRuleSet = {
  id: 'blld-2019',
  legalBasis: `${CODE_2019}, Art. 111(3) and Art. 112`,
  effectiveFrom: '2021-01-01',
  weeklyRestDays: [6, 0],
  weeklyRestBasis:
    'Decision 188/1999/QĐ-TTg (40-hour working week): state bodies rest on Saturday and Sunday',
  fixedHolidays: [
    {
      type: 'solar',
      key: 'new-year',
      month: 1,
      day: 1,
      nameVi: 'Tết Dương lịch',
      nameEn: "New Year's Day",
      rule: 'Labour Code 2019 Art. 112(1)(a): 1 January',
    },
    {
      type: 'lunar',
      key: 'hung-kings',
      lunarMonth: 3,
      lunarDay: 10,
      nameVi: 'Giỗ Tổ Hùng Vương',
      nameEn: "Hùng Kings' Commemoration Day",
      rule: 'Labour Code 2019 Art. 112(1)(e): 10th day of the 3rd lunar month',
    },
    {
      type: 'solar',
      key: 'reunification',
      month: 4,
      day: 30,
      nameVi: 'Ngày Chiến thắng',
      nameEn: 'Reunification Day',
      rule: 'Labour Code 2019 Art. 112(1)(c): 30 April',
    },
    {
      type: 'solar',
      key: 'labour-day',
      month: 5,
      day: 1,
      nameVi: 'Ngày Quốc tế lao động',
      nameEn: 'International Labour Day',
      rule: 'Labour Code 2019 Art. 112(1)(d): 1 May',
    },
    {
      type: 'solar',
      key: 'national-day',
      month: 9,
      day: 2,
      nameVi: 'Quốc khánh',
      nameEn: 'National Day',
      rule: 'Labour Code 2019 Art. 112(1)(đ): 2 September',
    },
  ],
  tet: {
    dayCount: 5,
    // Default when the year's decision is not in the table: the last day of the lunar year
    // (30/12, or 29/12 in a short month: always "the day before 1/1") and 1/1..4/1.
    defaultOffsets: [-1, 0, 1, 2, 3],
    nameVi: 'Tết Âm lịch',
    nameEn: 'Lunar New Year (Tết)',
    rule: 'Labour Code 2019 Art. 112(1)(b), 112(3): 5 days fixed by the Prime Minister each year',
  },
  nationalDayAdjacent: {
    month: 9,
    day: 2,
    // Default: 1 September, unless 1 September is a weekend day or 2 September is a Thursday;
    // then 3 September. This joins the break to a weekend, and matches the decisions for
    // 2021 (3/9), 2023 (1/9), 2024 (3/9) and 2025 (1/9).
    default: 'join-weekend',
    nameVi: 'Quốc khánh (ngày liền kề)',
    nameEn: 'National Day (adjacent day)',
    rule: 'Labour Code 2019 Art. 112(1)(đ), 112(3): one day before or after 2 September',
  },
  compensation: {
    mode: 'next-working-day',
    rule: 'Labour Code 2019 Art. 111(3): a holiday on a weekly rest day is compensated on the next working day',
  },
};

/**
 * Vietnamese Culture Day (Ngày Văn hóa Việt Nam), Nghị quyết 28/2026/QH16 Art. 2, in force
 * 2026-07-01: "Ngày 24 tháng 11 hằng năm là Ngày Văn hóa Việt Nam; người lao động được nghỉ làm
 * việc và hưởng nguyên lương". First 24/11/2026 (Tuesday); first on a weekend: Sat 24/11/2029.
 */
export const CULTURE_DAY_2026: StatutoryDayOffRule = {
  key: 'culture-day',
  month: 11,
  day: 24,
  effectiveFrom: '2026-07-01',
  nameVi: 'Ngày Văn hóa Việt Nam',
  nameEn: 'Vietnamese Culture Day',
  rule: 'Nghị quyết 28/2026/QH16 Art. 2: 24 November every year, a paid day off',
  legalBasis: 'Nghị quyết 28/2026/QH16 of the National Assembly, Art. 2 (in force 2026-07-01)',
  onWeeklyRestDay: 'no-make-up',
  onWeeklyRestDayBasis:
    'Unsettled: the day is outside Labour Code Art. 112(1), so Art. 111(3) does not reach it on its wording, and no guidance is known; no day in lieu until one is issued (docs/legal-rules.md, open questions)',
};

/**
 * The Labour Code 2019 set plus Vietnamese Culture Day, for years from 2026 (the day itself
 * applies from its own effective date, 2026-07-01, so 2026 has it on 24/11).
 */
export const LABOUR_CODE_2019_WITH_CULTURE_DAY: HolidayRuleSet = {
  ...LABOUR_CODE_2019,
  id: 'blld-2019-nq28-2026',
  // The Art. 112 holidays keep their own basis; Culture Day names its own in statutoryDaysOff.
  effectiveFrom: '2026-01-01',
  statutoryDaysOff: [CULTURE_DAY_2026],
};

/** Every holiday rule set the calendar knows, oldest first. */
export const HOLIDAY_RULE_SETS: readonly HolidayRuleSet[] = [
  LABOUR_CODE_2019,
  LABOUR_CODE_2019_WITH_CULTURE_DAY,
];
