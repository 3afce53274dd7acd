import { CalendarError } from './calendar.error';

/**
 * An ISO 8601 calendar date, `YYYY-MM-DD`, with no time and no zone. A plain string so that
 * it travels through JSON, events and database columns unchanged.
 */
export type IsoDate = string;

/** Day of the week as JavaScript numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type DateParts = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (proleptic Gregorian), independent of the machine's time zone. */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function partsFromEpochDay(epochDay: number): DateParts {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return epochDayFromParts(year, month + 1, 1) - epochDayFromParts(year, month, 1);
}

/**
 * Parses `YYYY-MM-DD` into an epoch day. Rejects other shapes (`2025-1-5`, `2025-01-05T00:00`)
 * with rule `iso-date-format`, and dates that do not exist (`2025-02-30`) with `iso-date-exists`.
 */
export function parseIsoDate(value: unknown, label = 'date'): number {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    throw new CalendarError(
      'iso-date-format',
      `${label} ${JSON.stringify(value)} is not an ISO calendar date: expected YYYY-MM-DD with a 4-digit year and 2-digit month and day`,
    );
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError(
      'iso-date-exists',
      `${label} "${String(value)}" does not exist in the Gregorian calendar`,
    );
  }
  return epochDayFromParts(year, month, day);
}

export function formatEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = partsFromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 4) % 7) + 7) % 7) as Weekday;
}

export function yearOfEpochDay(epochDay: number): number {
  return partsFromEpochDay(epochDay).year;
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Throws rule `integer` / `non-negative-integer` unless `value` is a (non-negative) integer. */
export function assertInteger(value: unknown, label: string, nonNegative: boolean): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || (nonNegative && value < 0)) {
    throw new CalendarError(
      nonNegative ? 'non-negative-integer' : 'integer',
      `${label} must be ${nonNegative ? 'a non-negative' : 'an'} integer, got ${String(value)}`,
    );
  }
  return value;
}
