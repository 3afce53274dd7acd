/**
 * Instants (Date) versus local dates and times in Asia/Ho_Chi_Minh.
 * Vietnam has used UTC+7 without daylight saving since 1975, so a fixed offset is exact for
 * every date the calendar supports; the machine's TZ is never consulted.
 */
import { CalendarError } from './calendar.error';
import { type ClockTime } from './receipt-policy.types';
import { formatEpochDay, type IsoDate, pad2, parseIsoDate } from './iso-date.util';

export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function assertInstant(value: unknown, label = 'instant'): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new CalendarError('instant', `${label} must be a valid Date, got ${String(value)}`);
  }
  return value;
}

/** Epoch day of the local (UTC+7) date of an instant. */
export function localEpochDayOf(instant: Date): number {
  return Math.floor((instant.getTime() + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since local (UTC+7) midnight. */
export function localMsOfDay(instant: Date): number {
  const local = instant.getTime() + VIETNAM_UTC_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of a local date at a local time of day. */
export function instantAt(epochDay: number, msOfDay: number): Date {
  return new Date(epochDay * MS_PER_DAY + msOfDay - VIETNAM_UTC_OFFSET_MS);
}

/** The instant of a local date (YYYY-MM-DD) at a local time of day (`HH:MM`) in Asia/Ho_Chi_Minh. */
export function atLocalTime(date: IsoDate, time: ClockTime): Date {
  return instantAt(parseIsoDate(date), parseClockTime(time, 'time'));
}

/**
 * The instants [start, end) of the local dates `from` to `to` (YYYY-MM-DD, both included) in
 * Asia/Ho_Chi_Minh: 00:00 of `from` to 00:00 of the day after `to`. For periods of reports and
 * rates, and a calendar year (`localDaysBounds('2026-01-01', '2026-12-31')`).
 */
export function localDaysBounds(from: IsoDate, to: IsoDate): { start: Date; end: Date } {
  return {
    start: instantAt(parseIsoDate(from, 'from'), 0),
    end: instantAt(parseIsoDate(to, 'to') + 1, 0),
  };
}

/** Parses `HH:MM` into milliseconds since midnight; throws rule `time-of-day`. */
export function parseClockTime(value: ClockTime, label: string): number {
  const match = CLOCK_TIME.exec(value);
  if (!match) {
    throw new CalendarError(
      'time-of-day',
      `${label} ${JSON.stringify(value)} is not HH:MM (00:00-23:59)`,
    );
  }
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

/** The local calendar date (YYYY-MM-DD in Asia/Ho_Chi_Minh) of an instant (a Date or an ISO instant). */
export function toLocalDate(instant: Date | string): IsoDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return formatEpochDay(localEpochDayOf(assertInstant(date)));
}

/** Today's local calendar date in Vietnam (UTC+7), YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return toLocalDate(now);
}

/** The local wall-clock time of an instant, `HH:MM:SS`, for messages and logs. */
export function toLocalTime(instant: Date): string {
  const seconds = Math.floor(localMsOfDay(assertInstant(instant)) / 1000);
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}
