import { CalendarError } from './calendar.error';
import { checkedReceiptPolicies, checkedRuleSets } from './calendar-options.validator';
import { computeCalendarVersion } from './calendar-version.util';
import { DEFAULT_SWAP_TABLE } from './day-swaps.constant';
import { type SwapTable, type YearDecision } from './day-swaps.types';
import { validateSwapTable } from './day-swaps.validator';
import { HOLIDAY_RULE_SETS } from './holiday-rules.constant';
import { buildHolidayYear, type HolidayYear } from './holiday-year.builder';
import { type Holiday, type HolidayRuleSet, type MakeUpWorkingDay } from './holiday.types';
import {
  assertInteger,
  formatEpochDay,
  type IsoDate,
  parseIsoDate,
  type Weekday,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './iso-date.util';
import { addWorkingHoursInstant, workingMsBetweenInstants } from './limit-units.rules';
import { assertInstant } from './local-time.util';
import { RECEIPT_POLICIES } from './receipt-policy.constant';
import {
  type AppointmentComputation,
  type AppointmentInput,
  type ReceiptPolicy,
  type TransferChannel,
} from './receipt-policy.types';
import {
  computeAppointment,
  isWithinOfficeHours,
  transferDeadline,
  type WorkingDayLookup,
} from './receipt.rules';

/** Last supported year: lunar holidays were cross-checked against a high-precision ephemeris up to here. */
export const CALENDAR_MAX_YEAR = 2099;

export type CalendarOptions = {
  swapTable?: SwapTable;
  holidayRuleSets?: readonly HolidayRuleSet[];
  receiptPolicies?: readonly ReceiptPolicy[];
};

export type DayStatus = 'working-day' | 'make-up-working-day' | 'weekly-rest-day' | 'day-off';

export type DayInfo = {
  date: IsoDate;
  weekday: Weekday;
  working: boolean;
  status: DayStatus;
  holiday?: Holiday;
};

/**
 * Vietnamese working days (Asia/Ho_Chi_Minh) built from holiday rule sets, a per-year table of
 * government decisions and receipt policies. Immutable; inject another table to get another
 * calendar (with another `version`). Dates in and out are ISO `YYYY-MM-DD` strings.
 */
export class Calendar implements WorkingDayLookup {
  /** Fingerprint of the data this calendar was built from; store it with computed dates. */
  readonly version: string;
  readonly minYear: number;
  readonly maxYear = CALENDAR_MAX_YEAR;
  private readonly ruleSets: HolidayRuleSet[];
  private readonly policies: ReceiptPolicy[];
  private readonly decisions = new Map<number, YearDecision>();
  private readonly years = new Map<number, HolidayYear>();

  constructor(options: CalendarOptions = {}) {
    // Private copies: a caller mutating its objects later cannot change this calendar.
    const table = structuredClone(options.swapTable ?? DEFAULT_SWAP_TABLE);
    this.ruleSets = checkedRuleSets(structuredClone(options.holidayRuleSets ?? HOLIDAY_RULE_SETS));
    this.policies = checkedReceiptPolicies(
      structuredClone(options.receiptPolicies ?? RECEIPT_POLICIES),
    );
    this.minYear = yearOfEpochDay(parseIsoDate(this.ruleSets[0].effectiveFrom));
    validateSwapTable(table, this.minYear, this.maxYear);
    table.years.forEach((decision) => this.decisions.set(decision.year, decision));
    table.years.forEach((decision) => this.yearData(decision.year)); // fail fast on bad entries
    this.version = computeCalendarVersion(this.ruleSets, table, this.policies);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingEpochDay(parseIsoDate(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return formatEpochDay(this.nextWorkingEpochDay(parseIsoDate(date)));
  }

  /**
   * `n` ≥ 1: the n-th working day strictly after `date` (`date` itself is never counted,
   * working or not). `n` = 0: `date` if it is a working day, else the next working day.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const start = parseIsoDate(date);
    return formatEpochDay(this.addWorkingEpochDays(start, assertInteger(n, 'n', true)));
  }

  /** Plain calendar arithmetic (`n` may be negative); no working-day adjustment. */
  addCalendarDays(date: IsoDate, n: number): IsoDate {
    return formatEpochDay(parseIsoDate(date) + assertInteger(n, 'n', false));
  }

  /**
   * Working days d with from < d ≤ to (so that workingDaysBetween(x, addWorkingDays(x, n))
   * = n for n ≥ 1); negative when `to` is before `from`, 0 when equal.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const [a, b] = [parseIsoDate(from, 'from'), parseIsoDate(to, 'to')];
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day += 1) if (this.isWorkingEpochDay(day)) count += 1;
    return sign * count;
  }

  /** Every day off of `year` other than ordinary weekend days, in date order. */
  holidaysOf(year: number): Holiday[] {
    return this.yearData(year).holidays.map((h) => ({ ...h }));
  }

  /** Weekly rest days worked in `year` to pay back swapped days off. */
  makeUpWorkingDaysOf(year: number): MakeUpWorkingDay[] {
    return this.yearData(year).makeUpWorkingDays.map((m) => ({ ...m }));
  }

  /** Why a date is or is not a working day. */
  describeDay(date: IsoDate): DayInfo {
    const day = parseIsoDate(date);
    const data = this.yearData(yearOfEpochDay(day));
    const weekday = weekdayOfEpochDay(day);
    const holiday = data.offDays.get(day);
    if (data.workDays.has(day))
      return { date, weekday, working: true, status: 'make-up-working-day' };
    const info = holiday ? { holiday: { ...holiday } } : {};
    if (this.isWeeklyRest(day))
      return { date, weekday, working: false, status: 'weekly-rest-day', ...info };
    if (holiday) return { date, weekday, working: false, status: 'day-off', ...info };
    return { date, weekday, working: true, status: 'working-day' };
  }

  /** The receipt policy in force on a local date. */
  receiptPolicyFor(date: IsoDate): ReceiptPolicy {
    return this.policyForEpochDay(parseIsoDate(date));
  }

  isWithinOfficeHours(instant: Date): boolean {
    return isWithinOfficeHours(this, instant);
  }

  transferDeadline(receivedAt: Date, channel: TransferChannel = 'paper'): Date {
    return transferDeadline(this, receivedAt, channel);
  }

  /**
   * The instant `hours` office hours after `start` (office hours of working days only; a start
   * outside them counts from the next office period). `hours` > 0.
   */
  addWorkingHours(start: Date, hours: number): Date {
    assertInstant(start, 'start');
    if (typeof hours !== 'number' || !(hours > 0) || !Number.isFinite(hours)) {
      throw new CalendarError(
        'limit-unit',
        `hours must be a positive number, got ${String(hours)}`,
      );
    }
    return addWorkingHoursInstant(this, start, hours);
  }

  /** Office hours of working days between two instants (0 when `end` ≤ `start`). */
  workingHoursBetween(start: Date, end: Date): number {
    assertInstant(start, 'start');
    assertInstant(end, 'end');
    return workingMsBetweenInstants(this, start, end) / 3_600_000;
  }

  appointmentDate(input: AppointmentInput): IsoDate {
    return formatEpochDay(computeAppointment(this, input).appointment);
  }

  /** The appointment date with what it was derived from (policy, calendar version). */
  explainAppointment(input: AppointmentInput): AppointmentComputation {
    const days = computeAppointment(this, input);
    return {
      appointmentDate: formatEpochDay(days.appointment),
      receivedOn: formatEpochDay(days.receivedOn),
      countsAsReceivedOn: formatEpochDay(days.countsAsReceivedOn),
      limit: { ...input.limit },
      dueAt: days.dueAt,
      policyId: days.policy.id,
      calendarVersion: this.version,
    };
  }

  isWorkingEpochDay(day: number): boolean {
    const data = this.yearData(yearOfEpochDay(day));
    if (data.workDays.has(day)) return true;
    return !this.isWeeklyRest(day) && !data.offDays.has(day);
  }

  nextWorkingEpochDay(day: number): number {
    let next = day + 1;
    while (!this.isWorkingEpochDay(next)) next += 1;
    return next;
  }

  addWorkingEpochDays(day: number, n: number): number {
    let result = this.isWorkingEpochDay(day) || n > 0 ? day : this.nextWorkingEpochDay(day);
    for (let i = 0; i < n; i += 1) result = this.nextWorkingEpochDay(result);
    return result;
  }

  policyForEpochDay(day: number): ReceiptPolicy {
    const date = formatEpochDay(day);
    const policy = [...this.policies].reverse().find((p) => p.effectiveFrom <= date);
    if (!policy || (policy.effectiveTo !== undefined && date > policy.effectiveTo)) {
      throw new CalendarError(
        'receipt-policy',
        `no receipt policy is in force on ${date} (earliest: ${this.policies[0].effectiveFrom})`,
      );
    }
    return policy;
  }

  private isWeeklyRest(day: number): boolean {
    return this.ruleSetFor(yearOfEpochDay(day)).weeklyRestDays.includes(weekdayOfEpochDay(day));
  }

  private ruleSetFor(year: number): HolidayRuleSet {
    const first = `${year}-01-01`;
    return [...this.ruleSets].reverse().find((s) => s.effectiveFrom <= first) ?? this.ruleSets[0];
  }

  private yearData(year: number): HolidayYear {
    assertInteger(year, 'year', true);
    if (year < this.minYear || year > this.maxYear) {
      throw new CalendarError(
        'year-range',
        `year ${year} is outside the calendar's supported years ${this.minYear}-${this.maxYear} (earliest holiday rules: ${this.ruleSets[0].id}, effective ${this.ruleSets[0].effectiveFrom})`,
      );
    }
    let data = this.years.get(year);
    if (!data) {
      data = buildHolidayYear(year, this.ruleSetFor(year), this.decisions.get(year));
      this.years.set(year, data);
    }
    return data;
  }
}

/** Factory form of `new Calendar(options)`. */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  return new Calendar(options);
}
