/**
 * The units of time limit other than working and calendar days: working hours, months and
 * "trong ngày" (same day). The rules are stated in the receipt policy's `unitRules`; this file
 * applies them. See docs/legal-rules.md ("Receipt and time limits").
 */
import { daysInMonth, epochDayFromParts, partsFromEpochDay } from './iso-date.util';
import { instantAt, localEpochDayOf, localMsOfDay, parseClockTime } from './local-time.util';
import { type ReceiptPolicy } from './receipt-policy.types';

const HOUR_MS = 3_600_000;

/** What the unit rules need from a calendar (epoch days are local dates). */
export type UnitLookup = {
  isWorkingEpochDay(day: number): boolean;
  nextWorkingEpochDay(day: number): number;
  policyForEpochDay(day: number): ReceiptPolicy;
};

export function officePeriodsMs(policy: ReceiptPolicy): Array<[number, number]> {
  return policy.officeHours.map((p, i) => [
    parseClockTime(p.from, `${policy.id} officeHours[${i}].from`),
    parseClockTime(p.to, `${policy.id} officeHours[${i}].to`),
  ]);
}

/** The instant office hours end on a local date (the end of the policy's last period). */
export function endOfOfficeHours(calendar: UnitLookup, day: number): Date {
  const periods = officePeriodsMs(calendar.policyForEpochDay(day));
  return instantAt(day, periods[periods.length - 1][1]);
}

/**
 * Months (Civil Code 2015 Art. 148): the corresponding day `months` later, or the last day of
 * that month when it has no such day (31/1 + 1 month → 28/2 or 29/2).
 */
export function addMonthsEpochDay(day: number, months: number): number {
  const { year, month, day: dom } = partsFromEpochDay(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return epochDayFromParts(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** "Trong ngày": a working day before the cut-off → that day; else the next working day. */
export function sameDayEpochDay(calendar: UnitLookup, receivedAt: Date): number {
  const day = localEpochDayOf(receivedAt);
  const policy = calendar.policyForEpochDay(day);
  const cutoff = parseClockTime(policy.sameDayCutoff, `${policy.id} sameDayCutoff`);
  return calendar.isWorkingEpochDay(day) && localMsOfDay(receivedAt) < cutoff
    ? day
    : calendar.nextWorkingEpochDay(day);
}

/**
 * Working hours (Civil Code 2015 Art. 147(1): a period in hours starts at the set moment): the
 * clock runs only inside office periods of working days, from the receipt instant (or the start
 * of the next office period when received outside them). The limit ends at the instant the
 * `hours`-th office hour ends; an end exactly at the close of a period stays on that day.
 */
export function addWorkingHoursInstant(calendar: UnitLookup, start: Date, hours: number): Date {
  // hours > 0 (checked by the caller), so the loop always ends inside a period.
  let remaining = Math.round(hours * HOUR_MS);
  let day = localEpochDayOf(start);
  let cursor = localMsOfDay(start);
  for (;;) {
    if (calendar.isWorkingEpochDay(day)) {
      for (const [from, to] of officePeriodsMs(calendar.policyForEpochDay(day))) {
        if (cursor >= to) continue;
        const begin = Math.max(cursor, from);
        if (remaining <= to - begin) {
          return instantAt(day, begin + remaining);
        }
        remaining -= to - begin;
        cursor = to;
      }
    }
    day = calendar.nextWorkingEpochDay(day);
    cursor = 0;
  }
}

/**
 * Office hours of working days between two instants (the inverse of addWorkingHoursInstant):
 * the time an agency took, counted like a time limit in working hours. 0 when `end` ≤ `start`.
 */
export function workingMsBetweenInstants(calendar: UnitLookup, start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  const lastDay = localEpochDayOf(end);
  let day = localEpochDayOf(start);
  let total = 0;
  for (; day <= lastDay; day++) {
    if (!calendar.isWorkingEpochDay(day)) continue;
    for (const [from, to] of officePeriodsMs(calendar.policyForEpochDay(day))) {
      const begin = Math.max(from, day === localEpochDayOf(start) ? localMsOfDay(start) : 0);
      const finish = Math.min(to, day === lastDay ? localMsOfDay(end) : to);
      if (finish > begin) total += finish - begin;
    }
  }
  return total;
}
