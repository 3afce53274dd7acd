import { type IsoDate } from './iso-date.util';
import { atLocalTime } from './local-time.util';
import { type OfficeHoursPeriod } from './receipt-policy.types';

/**
 * Office hours (giờ hành chính) on a working day, local time: 07:00-11:30 and 13:30-17:00,
 * half-open (`to` is outside). Each province fixes its own (no legal text); these are the hours
 * of the Decree 61/2018 baseline that the receipt policies carry (docs/domain.md §3). Every rule
 * that counts office hours (receipt, deadlines, feedback time limits) reads them from here.
 */
export const officeHours: readonly OfficeHoursPeriod[] = Object.freeze([
  Object.freeze({ from: '07:00', to: '11:30' }),
  Object.freeze({ from: '13:30', to: '17:00' }),
]);

/** The end of the office day (17:00 local) of a local date, as an instant. */
export function endOfOfficeDay(date: IsoDate): Date {
  return atLocalTime(date, officeHours[officeHours.length - 1].to);
}
