export { CalendarError } from './lib/calendar.error';
export type { CalendarRule } from './lib/calendar.error';
export type { IsoDate, Weekday } from './lib/iso-date.util';
export {
  atLocalTime,
  localDaysBounds,
  todayInVietnam,
  toLocalDate,
  toLocalTime,
} from './lib/local-time.util';
export { endOfOfficeDay, officeHours } from './lib/office-hours';
export { fromLunarDate, lunarNewYear, toLunarDate } from './lib/lunar-calendar.util';
export type { LunarDate } from './lib/lunar-calendar.util';
export type {
  DayOffKind,
  Holiday,
  HolidayKey,
  HolidayRuleSet,
  LunarHolidayRule,
  StatutoryDayOffRule,
  MakeUpWorkingDay,
  SolarHolidayRule,
} from './lib/holiday.types';
export type {
  DaySwap,
  ExtraDayOff,
  LegalSource,
  SourceConfidence,
  SwapTable,
  YearNotice,
  YearDecision,
} from './lib/day-swaps.types';
export type {
  AppointmentComputation,
  AppointmentInput,
  ClockTime,
  LimitUnit,
  OfficeHoursPeriod,
  ReceiptPolicy,
  TimeLimit,
  TransferChannel,
  UnitRule,
} from './lib/receipt-policy.types';
export { LIMIT_UNITS } from './lib/receipt-policy.types';
export { timeLimitLabelVi } from './lib/time-limit-label';
export { yearDecisionFromNotice } from './lib/year-notice.loader';
export type { YearNoticeFile } from './lib/year-notice.loader';
export {
  CULTURE_DAY_2026,
  HOLIDAY_RULE_SETS,
  LABOUR_CODE_2019,
  LABOUR_CODE_2019_WITH_CULTURE_DAY,
} from './lib/holiday-rules.constant';
export { DEFAULT_SWAP_TABLE } from './lib/day-swaps.constant';
export {
  ND118_2025_POLICY,
  ND61_2018_POLICY,
  RECEIPT_POLICIES,
} from './lib/receipt-policy.constant';
export { CALENDAR_ALGORITHM_VERSION } from './lib/calendar-version.util';
export { Calendar, CALENDAR_MAX_YEAR, createCalendar } from './lib/calendar.service';
export type { CalendarOptions, DayInfo, DayStatus } from './lib/calendar.service';
export {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  appointmentDate,
  calendarVersion,
  defaultCalendar,
  describeDay,
  explainAppointment,
  holidaysOf,
  isWithinOfficeHours,
  isWorkingDay,
  makeUpWorkingDaysOf,
  nextWorkingDay,
  receiptPolicyFor,
  transferDeadline,
  workingDaysBetween,
  workingHoursBetween,
} from './lib/default-calendar.api';
