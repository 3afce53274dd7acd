/**
 * The plain functions of `@motcua/calendar`, bound to the default calendar: the Labour Code
 * 2019 holidays, the built-in table of government decisions (day-swaps.constant.ts) and the
 * receipt policies (nd61-2018 to 30/6/2025, nd118-2025 from 1/7/2025). Use `createCalendar({ swapTable })` to inject another table.
 */
import { Calendar, type DayInfo } from './calendar.service';
import { type Holiday, type MakeUpWorkingDay } from './holiday.types';
import { type IsoDate } from './iso-date.util';
import {
  type AppointmentComputation,
  type AppointmentInput,
  type ReceiptPolicy,
  type TransferChannel,
} from './receipt-policy.types';

export const defaultCalendar = new Calendar();

/** Fingerprint of the default calendar's data; a dossier records it with its appointment date. */
export const calendarVersion: string = defaultCalendar.version;

/** True unless `date` is a weekend day (not worked back) or a day off. */
export const isWorkingDay = (date: IsoDate): boolean => defaultCalendar.isWorkingDay(date);

/** `n` ≥ 1: the n-th working day after `date`; `n` = 0: `date` if working, else the next working day. */
export const addWorkingDays = (date: IsoDate, n: number): IsoDate =>
  defaultCalendar.addWorkingDays(date, n);

/** Plain calendar arithmetic; `n` may be negative. */
export const addCalendarDays = (date: IsoDate, n: number): IsoDate =>
  defaultCalendar.addCalendarDays(date, n);

/** The first working day strictly after `date`. */
export const nextWorkingDay = (date: IsoDate): IsoDate => defaultCalendar.nextWorkingDay(date);

/** Working days d with from < d ≤ to; negative when `to` < `from`. */
export const workingDaysBetween = (from: IsoDate, to: IsoDate): number =>
  defaultCalendar.workingDaysBetween(from, to);

/** Days off of `year` other than ordinary weekend days, with names (vi, en), rule and source. */
export const holidaysOf = (year: number): Holiday[] => defaultCalendar.holidaysOf(year);

export const makeUpWorkingDaysOf = (year: number): MakeUpWorkingDay[] =>
  defaultCalendar.makeUpWorkingDaysOf(year);

export const describeDay = (date: IsoDate): DayInfo => defaultCalendar.describeDay(date);

export const receiptPolicyFor = (date: IsoDate): ReceiptPolicy =>
  defaultCalendar.receiptPolicyFor(date);

/** On a working day within 07:00-11:30 or 13:30-17:00 local time (end excluded). */
export const isWithinOfficeHours = (instant: Date): boolean =>
  defaultCalendar.isWithinOfficeHours(instant);

/** Paper: end of the same working day if received before 15:00, else the next working day's start. */
export const transferDeadline = (receivedAt: Date, channel: TransferChannel = 'paper'): Date =>
  defaultCalendar.transferDeadline(receivedAt, channel);

/** The instant `hours` office hours after `start` (working days only); `hours` > 0. */
export const addWorkingHours = (start: Date, hours: number): Date =>
  defaultCalendar.addWorkingHours(start, hours);

/** Office hours of working days between two instants: the time an agency took (0 when `end` ≤ `start`). */
export const workingHoursBetween = (start: Date, end: Date): number =>
  defaultCalendar.workingHoursBetween(start, end);

/** The appointment date (ngày hẹn trả); see computeAppointment in receipt.rules.ts for the rules. */
export const appointmentDate = (input: AppointmentInput): IsoDate =>
  defaultCalendar.appointmentDate(input);

export const explainAppointment = (input: AppointmentInput): AppointmentComputation =>
  defaultCalendar.explainAppointment(input);
