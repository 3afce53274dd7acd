import { type IsoDate } from './iso-date.util';

/** A local (Asia/Ho_Chi_Minh) time of day, `HH:MM`, 24-hour clock. */
export type ClockTime = string;

/** A half-open interval of local time: `from` is inside, `to` is not. */
export type OfficeHoursPeriod = { from: ClockTime; to: ClockTime };

/**
 * How receipt times become dates, as versioned policy data (docs/domain.md: "every rule that could
 * change by decree lives in versioned policy data with its legal basis and effective date").
 * The policy in force on the local date of receipt applies.
 */
export type ReceiptPolicy = {
  id: string;
  legalBasis: string;
  effectiveFrom: IsoDate;
  /** Last local date of receipt the policy governs (inclusive); absent: still in force. */
  effectiveTo?: IsoDate;
  /** Office hours on a working day (half-open periods). */
  officeHours: OfficeHoursPeriod[];
  officeHoursBasis: string;
  /** Paper dossiers received at or after this time are transferred the next working day. */
  transferCutoff: ClockTime;
  transferBasis: string;
  /**
   * A dossier received at or after this time of a working day, or on a non-working day,
   * counts as received at the start of the next working day.
   */
  receiptDayEndsAt: ClockTime;
  /** Day 1 of a time limit is the first working day after the (effective) day of receipt. */
  counting: 'from-next-working-day';
  /** A calendar-day limit that ends on a non-working day ends on the next working day. */
  calendarDayLimitEnd: 'next-working-day';
  countingBasis: string;
  /** "Trong ngày" (same day): received at or after this time, or on a day off → the next working day. */
  sameDayCutoff: ClockTime;
  /** For each unit of time limit, the receipt-time rule and its basis (what `computeAppointment` applies). */
  unitRules: Record<LimitUnit, UnitRule>;
};

/** The receipt-time and counting rule of one unit of time limit, as the policy states it. */
export type UnitRule = { rule: string; basis: string };

/**
 * Unit of a procedure's time limit (thời hạn giải quyết), as procedures publish them (the
 * national portal's DonViTinh: Giờ / Ngày / Ngày làm việc / Tháng, plus "trong ngày"):
 * working hours, working days, calendar days, months, and same day.
 */
export type LimitUnit = 'working_hours' | 'working_days' | 'calendar_days' | 'months' | 'same_day';

/** Every unit, in the order of the contracts' enum. */
export const LIMIT_UNITS: readonly LimitUnit[] = [
  'working_days',
  'calendar_days',
  'working_hours',
  'months',
  'same_day',
];

export type TimeLimit = { value: number; unit: LimitUnit };

export type AppointmentInput = { receivedAt: Date; limit: TimeLimit };

/** Everything the appointment date was derived from, for the dossier's record. */
export type AppointmentComputation = {
  appointmentDate: IsoDate;
  /** Local date of the receipt instant. */
  receivedOn: IsoDate;
  /** The working day the dossier counts as received on (after the receipt-time rules). */
  countsAsReceivedOn: IsoDate;
  limit: TimeLimit;
  /**
   * The instant the limit ends: the end of office hours of the appointment date, or for a limit
   * in working hours the instant the last hour ends.
   */
  dueAt: Date;
  policyId: string;
  calendarVersion: string;
};

/** Paper transfers have a deadline; electronic ones happen at once. */
export type TransferChannel = 'paper' | 'electronic';
