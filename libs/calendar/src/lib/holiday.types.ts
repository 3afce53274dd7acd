import { type IsoDate, type Weekday } from './iso-date.util';

/** Which public holiday a day off belongs to (Labour Code 2019 Art. 112(1) and one-offs). */
export type HolidayKey =
  | 'new-year'
  | 'tet'
  | 'hung-kings'
  | 'reunification'
  | 'labour-day'
  | 'national-day'
  | 'national-day-adjacent'
  | 'culture-day'
  | 'swap'
  | 'extra';

/**
 * Why a weekday is not worked:
 * - `public-holiday`: a day of Art. 112(1) (Tết days and the 2/9 adjacent day included);
 * - `compensatory-day-off` (nghỉ bù): a holiday fell on a weekly rest day (Art. 111(3));
 * - `swapped-day-off` (hoán đổi): a working day moved to a Saturday by government decision;
 * - `extra-day-off`: a one-off day off granted by a government decision.
 */
export type DayOffKind =
  'public-holiday' | 'compensatory-day-off' | 'swapped-day-off' | 'extra-day-off';

/** A day off other than an ordinary weekend day, as returned by `holidaysOf(year)`. */
export type Holiday = {
  date: IsoDate;
  kind: DayOffKind;
  key: HolidayKey;
  nameVi: string;
  nameEn: string;
  /** The rule that produced the day, e.g. "Labour Code 2019 Art. 112(1)(e); lunar 10/3". */
  rule: string;
  /** The legal source: the code article, or the government document of the year's table. */
  source: string;
  /** For a compensatory day: the holiday it compensates. */
  compensates?: IsoDate;
};

/** A weekly rest day worked to pay back a swapped day off (ngày làm bù). */
export type MakeUpWorkingDay = { date: IsoDate; replaces: IsoDate; source: string };

/** One fixed-date holiday of a rule set. */
export type SolarHolidayRule = {
  type: 'solar';
  key: HolidayKey;
  month: number;
  day: number;
  nameVi: string;
  nameEn: string;
  rule: string;
};

/** One holiday on a lunar date (regular, not leap, month). */
export type LunarHolidayRule = {
  type: 'lunar';
  key: HolidayKey;
  lunarMonth: number;
  lunarDay: number;
  nameVi: string;
  nameEn: string;
  rule: string;
};

/**
 * A paid day off every year set by a law other than Labour Code Art. 112(1) (Vietnamese Culture
 * Day, Nghị quyết 28/2026/QH16 Art. 2). Labour Code Art. 111(3) (make-up of a holiday on a
 * weekly rest day) reaches only Art. 112(1) holidays on its wording, so whether such a day is
 * made up when it falls on a weekend is a policy flag of the rule set.
 */
export type StatutoryDayOffRule = {
  key: HolidayKey;
  month: number;
  day: number;
  /** First date the day applies (the law's entry into force). */
  effectiveFrom: IsoDate;
  nameVi: string;
  nameEn: string;
  rule: string;
  legalBasis: string;
  /** `no-make-up` (default): a weekend occurrence gives no day in lieu; `next-working-day`: it does. */
  onWeeklyRestDay: 'no-make-up' | 'next-working-day';
  onWeeklyRestDayBasis: string;
};

/** How the adjacent day of National Day is chosen when the year's table does not say. */
export type AdjacentDayDefault = 'join-weekend';

/**
 * A versioned set of holiday rules with its legal basis. The set in force on 1 January of a
 * year governs that whole year (codes so far have taken effect on 1 January or mid-year only
 * before 2021; a mid-year change would need a split set).
 */
export type HolidayRuleSet = {
  id: string;
  legalBasis: string;
  effectiveFrom: IsoDate;
  /** Weekly rest days of the administration (Saturday and Sunday). */
  weeklyRestDays: Weekday[];
  weeklyRestBasis: string;
  fixedHolidays: Array<SolarHolidayRule | LunarHolidayRule>;
  tet: {
    dayCount: number;
    /** Offsets from lunar 1/1 used when the year's table does not list the days. */
    defaultOffsets: number[];
    nameVi: string;
    nameEn: string;
    rule: string;
  };
  nationalDayAdjacent: {
    /** The holiday the extra day is adjacent to (month/day). */
    month: number;
    day: number;
    default: AdjacentDayDefault;
    nameVi: string;
    nameEn: string;
    rule: string;
  };
  /** Other statutory yearly days off (not Art. 112(1)), each with its own effective date. */
  statutoryDaysOff?: StatutoryDayOffRule[];
  compensation: {
    /** A holiday on a weekly rest day gives the next weekday that is not already off. */
    mode: 'next-working-day';
    rule: string;
  };
};
