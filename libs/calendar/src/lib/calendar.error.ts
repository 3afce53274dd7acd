/**
 * Every rule the calendar can refuse an input or a data table by. The rule is part of the
 * message, so an operator (or a 400 response) can say exactly what was wrong.
 */
export type CalendarRule =
  | 'iso-date-format'
  | 'iso-date-exists'
  | 'year-range'
  | 'lunar-date'
  | 'instant'
  | 'non-negative-integer'
  | 'integer'
  | 'limit-unit'
  | 'transfer-channel'
  | 'time-of-day'
  | 'holiday-rule-set'
  | 'receipt-policy'
  | 'swap-table';

/** Raised for invalid input or invalid calendar data; `rule` names what was broken. */
export class CalendarError extends Error {
  constructor(
    readonly rule: CalendarRule,
    detail: string,
  ) {
    super(`${detail} (rule: ${rule})`);
    this.name = 'CalendarError';
  }
}
