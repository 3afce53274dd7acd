/**
 * Receipt-time rules: office hours, the paper transfer cut-off and the appointment date
 * (ngày hẹn trả). The times and counting choices come from the ReceiptPolicy in force on
 * the local date of receipt; this file only applies them. See docs/adr/0005-calendar.md.
 */
import { CalendarError } from './calendar.error';
import { assertInteger } from './iso-date.util';
import {
  assertInstant,
  instantAt,
  localEpochDayOf,
  localMsOfDay,
  parseClockTime,
} from './local-time.util';
import {
  addMonthsEpochDay,
  addWorkingHoursInstant,
  endOfOfficeHours,
  sameDayEpochDay,
} from './limit-units.rules';
import {
  type AppointmentInput,
  LIMIT_UNITS,
  type ReceiptPolicy,
  type TransferChannel,
} from './receipt-policy.types';

/** What the receipt rules need from a calendar (all days are epoch days, local dates). */
export type WorkingDayLookup = {
  isWorkingEpochDay(day: number): boolean;
  /** The first working day strictly after `day`. */
  nextWorkingEpochDay(day: number): number;
  /** `n` ≥ 1: the n-th working day strictly after `day`; 0: `day` if working, else the next. */
  addWorkingEpochDays(day: number, n: number): number;
  policyForEpochDay(day: number): ReceiptPolicy;
};

const CHANNELS: readonly TransferChannel[] = ['paper', 'electronic'];

function periodsMs(policy: ReceiptPolicy): Array<[number, number]> {
  return policy.officeHours.map((p, i) => [
    parseClockTime(p.from, `${policy.id} officeHours[${i}].from`),
    parseClockTime(p.to, `${policy.id} officeHours[${i}].to`),
  ]);
}

/**
 * True on a working day inside an office-hours period. Periods are half-open: with
 * 07:00-11:30 and 13:30-17:00, 11:30:00 and 17:00:00 are outside, 13:30:00 is inside.
 */
export function isWithinOfficeHours(calendar: WorkingDayLookup, instant: Date): boolean {
  assertInstant(instant);
  const day = localEpochDayOf(instant);
  if (!calendar.isWorkingEpochDay(day)) return false;
  const ms = localMsOfDay(instant);
  return periodsMs(calendar.policyForEpochDay(day)).some(([from, to]) => ms >= from && ms < to);
}

/**
 * When a received dossier must have been transferred to the processing unit.
 * - electronic: at once (the receipt instant itself);
 * - paper, received on a working day before the cut-off (15:00 under nd61-2018; 15:00:00 is
 *   already "after"): by the end of that day's office hours;
 * - paper, received at or after the cut-off, or on a non-working day: by the start of office
 *   hours of the next working day.
 */
export function transferDeadline(
  calendar: WorkingDayLookup,
  receivedAt: Date,
  channel: TransferChannel = 'paper',
): Date {
  assertInstant(receivedAt, 'receivedAt');
  if (!CHANNELS.includes(channel)) {
    throw new CalendarError(
      'transfer-channel',
      `channel must be one of ${CHANNELS.join(', ')}, got ${String(channel)}`,
    );
  }
  if (channel === 'electronic') return new Date(receivedAt.getTime());
  const day = localEpochDayOf(receivedAt);
  const policy = calendar.policyForEpochDay(day);
  const cutoff = parseClockTime(policy.transferCutoff, `${policy.id} transferCutoff`);
  if (calendar.isWorkingEpochDay(day) && localMsOfDay(receivedAt) < cutoff) {
    const periods = periodsMs(policy);
    return instantAt(day, periods[periods.length - 1][1]);
  }
  const next = calendar.nextWorkingEpochDay(day);
  return instantAt(next, periodsMs(calendar.policyForEpochDay(next))[0][0]);
}

export type AppointmentDays = {
  receivedOn: number;
  countsAsReceivedOn: number;
  appointment: number;
  /** The instant the limit ends (end of office hours of the appointment date, or the hour's end). */
  dueAt: Date;
  policy: ReceiptPolicy;
};

function assertAppointmentInput(input: AppointmentInput): void {
  if (
    input === null ||
    typeof input !== 'object' ||
    input.limit === null ||
    typeof input.limit !== 'object'
  ) {
    throw new CalendarError(
      'limit-unit',
      'appointment input must be { receivedAt: Date, limit: { value, unit } }',
    );
  }
  assertInstant(input.receivedAt, 'receivedAt');
  if (!LIMIT_UNITS.includes(input.limit.unit)) {
    throw new CalendarError(
      'limit-unit',
      `limit.unit must be one of ${LIMIT_UNITS.join(', ')}, got ${String(input.limit.unit)}`,
    );
  }
  if (input.limit.unit === 'working_hours') {
    const { value } = input.limit;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new CalendarError(
        'limit-unit',
        `limit.value in working_hours must be a positive number, got ${String(value)}`,
      );
    }
  } else {
    assertInteger(input.limit.value, 'limit.value', true);
  }
  if (input.limit.unit === 'same_day' && input.limit.value !== 1) {
    throw new CalendarError(
      'limit-unit',
      `limit.value of a same_day limit must be 1, got ${input.limit.value}`,
    );
  }
}

/**
 * The appointment date (ngày hẹn trả kết quả) of a dossier:
 * 1. D = the local date of receipt; the policy in force on D applies.
 * 2. R = D if D is a working day and the receipt time is before `receiptDayEndsAt` (17:00);
 *    otherwise R = the next working day (received after hours or on a day off counts as
 *    received at the start of the next working day).
 * 3. Day 1 of the limit is the day after R (Civil Code 2015 Art. 147: the day of the event
 *    is not counted):
 *    - working_days: the value-th working day after R (value 0: R itself);
 *    - months: the corresponding day `value` months after R (or that month's last day), moved
 *      to the next working day if not a working day (Civil Code 2015 Art. 148);
 *    - same_day ("trong ngày"): D if a working day and before the policy's sameDayCutoff
 *      (15:00), else the next working day;
 *    - working_hours: office hours counted from the receipt instant (Art. 147(1)); `dueAt` is
 *      the instant the last hour ends;
 *    - calendar_days: R + value calendar days, moved to the next working day if that is not
 *      a working day (Civil Code 2015 Art. 148).
 */
export function computeAppointment(
  calendar: WorkingDayLookup,
  input: AppointmentInput,
): AppointmentDays {
  assertAppointmentInput(input);
  const { receivedAt, limit } = input;
  const receivedOn = localEpochDayOf(receivedAt);
  const policy = calendar.policyForEpochDay(receivedOn);
  const dayEnds = parseClockTime(policy.receiptDayEndsAt, `${policy.id} receiptDayEndsAt`);
  const countsAsReceivedOn =
    calendar.isWorkingEpochDay(receivedOn) && localMsOfDay(receivedAt) < dayEnds
      ? receivedOn
      : calendar.nextWorkingEpochDay(receivedOn);
  const onWorkingDay = (day: number) =>
    calendar.isWorkingEpochDay(day) ? day : calendar.nextWorkingEpochDay(day);
  let appointment: number;
  switch (limit.unit) {
    case 'working_days':
      appointment = calendar.addWorkingEpochDays(countsAsReceivedOn, limit.value);
      break;
    case 'calendar_days':
      appointment = onWorkingDay(countsAsReceivedOn + limit.value);
      break;
    case 'months':
      appointment = onWorkingDay(addMonthsEpochDay(countsAsReceivedOn, limit.value));
      break;
    case 'same_day': {
      const day = sameDayEpochDay(calendar, receivedAt);
      return {
        receivedOn,
        countsAsReceivedOn: day,
        appointment: day,
        dueAt: endOfOfficeHours(calendar, day),
        policy,
      };
    }
    case 'working_hours': {
      const dueAt = addWorkingHoursInstant(calendar, receivedAt, limit.value);
      const day = localEpochDayOf(dueAt);
      return { receivedOn, countsAsReceivedOn, appointment: day, dueAt, policy };
    }
    default: {
      const unreachable: never = limit.unit;
      throw new CalendarError('limit-unit', `unknown unit ${String(unreachable)}`);
    }
  }
  return {
    receivedOn,
    countsAsReceivedOn,
    appointment,
    dueAt: endOfOfficeHours(calendar, appointment),
    policy,
  };
}

/** Checks a policy's data so that a bad deployment fails at start, naming the field. */
export function validateReceiptPolicy(policy: ReceiptPolicy): void {
  const fail = (detail: string): never => {
    throw new CalendarError('receipt-policy', `receipt policy ${policy.id}: ${detail}`);
  };
  if (!policy.id?.trim() || !policy.legalBasis?.trim()) fail('must have an id and a legal basis');
  if (policy.officeHours.length === 0) fail('must have at least one office-hours period');
  let previousEnd = -1;
  for (const [from, to] of periodsMs(policy)) {
    if (from >= to || from < previousEnd)
      fail('office-hours periods must be ascending and not overlap');
    previousEnd = to;
  }
  parseClockTime(policy.transferCutoff, `${policy.id} transferCutoff`);
  parseClockTime(policy.receiptDayEndsAt, `${policy.id} receiptDayEndsAt`);
  parseClockTime(policy.sameDayCutoff, `${policy.id} sameDayCutoff`);
  for (const unit of LIMIT_UNITS) {
    const rule = policy.unitRules?.[unit];
    if (!rule?.rule?.trim() || !rule.basis?.trim()) {
      fail(`unitRules.${unit} must state its rule and its basis`);
    }
  }
  if (policy.effectiveTo !== undefined && policy.effectiveTo < policy.effectiveFrom) {
    fail(`effectiveTo ${policy.effectiveTo} is before effectiveFrom ${policy.effectiveFrom}`);
  }
}
