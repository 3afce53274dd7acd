import { Calendar } from './calendar.service';
import {
  appointmentDate,
  calendarVersion,
  explainAppointment,
  isWithinOfficeHours,
  transferDeadline,
} from './default-calendar.api';
import { toLocalDate, toLocalTime } from './local-time.util';
import { ND61_2018_POLICY } from './receipt-policy.constant';

/** An instant given as Vietnamese wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const workingDays = (value: number) => ({ value, unit: 'working_days' as const });
const calendarDays = (value: number) => ({ value, unit: 'calendar_days' as const });

describe('local dates of instants', () => {
  it('uses UTC+7 whatever the machine time zone is', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(toLocalDate(new Date('2025-03-14T17:30:00Z'))).toBe('2025-03-15');
      expect(toLocalDate(new Date('2025-03-14T16:59:59Z'))).toBe('2025-03-14');
      expect(toLocalTime(new Date('2025-03-14T10:30:00Z'))).toBe('17:30:00');
    } finally {
      process.env.TZ = previous;
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => toLocalDate(new Date('nonsense'))).toThrow(/rule: instant/);
  });
});

describe('office hours (07:00-11:30, 13:30-17:00 on working days)', () => {
  it.each([
    ['2025-03-17T06:59:59', false],
    ['2025-03-17T07:00:00', true],
    ['2025-03-17T11:29:59', true],
    ['2025-03-17T11:30:00', false],
    ['2025-03-17T13:29:59', false],
    ['2025-03-17T13:30:00', true],
    ['2025-03-17T16:59:59', true],
    ['2025-03-17T17:00:00', false],
    ['2025-03-15T09:00:00', false], // Saturday
    ['2025-09-02T09:00:00', false], // National Day
    ['2025-04-26T09:00:00', true], // make-up Saturday
  ])('%s → %s', (local, expected) => {
    expect(isWithinOfficeHours(vn(local))).toBe(expected);
  });
});

describe('transfer of paper dossiers (15:00 cut-off)', () => {
  it('before 15:00 on a working day: by the end of that day', () => {
    expect(transferDeadline(vn('2025-03-17T14:59:59'))).toEqual(vn('2025-03-17T17:00:00'));
    expect(transferDeadline(vn('2025-03-17T06:30:00'))).toEqual(vn('2025-03-17T17:00:00'));
  });

  it('at or after 15:00: by the start of the next working day', () => {
    expect(transferDeadline(vn('2025-03-17T15:00:00'))).toEqual(vn('2025-03-18T07:00:00'));
    expect(transferDeadline(vn('2025-03-14T15:30:00'))).toEqual(vn('2025-03-17T07:00:00')); // Friday
    expect(transferDeadline(vn('2026-02-13T16:00:00'))).toEqual(vn('2026-02-23T07:00:00')); // before Tết
  });

  it('on a non-working day: by the start of the next working day', () => {
    expect(transferDeadline(vn('2025-03-15T10:00:00'))).toEqual(vn('2025-03-17T07:00:00'));
  });

  it('electronic dossiers are transferred at once', () => {
    const at = vn('2025-03-15T10:00:00');
    expect(transferDeadline(at, 'electronic')).toEqual(at);
    expect(() => transferDeadline(at, 'fax' as never)).toThrow(/rule: transfer-channel/);
  });
});

describe('appointment date (ngày hẹn trả)', () => {
  it('received Friday 16:30 counts from Friday; Monday 09:00 from Monday', () => {
    expect(appointmentDate({ receivedAt: vn('2025-03-14T16:30:00'), limit: workingDays(5) })).toBe(
      '2025-03-21',
    );
    expect(appointmentDate({ receivedAt: vn('2025-03-17T09:00:00'), limit: workingDays(5) })).toBe(
      '2025-03-24',
    );
  });

  it('received at or after 17:00, or on a weekend, counts as received the next working day', () => {
    expect(appointmentDate({ receivedAt: vn('2025-03-14T17:00:00'), limit: workingDays(5) })).toBe(
      '2025-03-24',
    );
    expect(appointmentDate({ receivedAt: vn('2025-03-15T10:00:00'), limit: workingDays(5) })).toBe(
      '2025-03-24',
    );
    // 10:30 UTC is 17:30 in Vietnam.
    expect(
      appointmentDate({ receivedAt: new Date('2025-03-14T10:30:00Z'), limit: workingDays(5) }),
    ).toBe('2025-03-24');
  });

  it('counts working days across Tết 2026', () => {
    expect(appointmentDate({ receivedAt: vn('2026-02-12T10:00:00'), limit: workingDays(3) })).toBe(
      '2026-02-24',
    );
  });

  it('a zero limit (same-day procedures) returns the day the dossier counts as received', () => {
    expect(appointmentDate({ receivedAt: vn('2025-03-17T10:00:00'), limit: workingDays(0) })).toBe(
      '2025-03-17',
    );
    expect(appointmentDate({ receivedAt: vn('2025-03-17T18:00:00'), limit: workingDays(0) })).toBe(
      '2025-03-18',
    );
  });

  it('a calendar-day limit ending on a Sunday moves to Monday', () => {
    // Received Monday 3/3; 13 calendar days → Sunday 16/3 → Monday 17/3.
    expect(
      appointmentDate({ receivedAt: vn('2025-03-03T10:00:00'), limit: calendarDays(13) }),
    ).toBe('2025-03-17');
    expect(
      appointmentDate({ receivedAt: vn('2025-03-03T10:00:00'), limit: calendarDays(11) }),
    ).toBe('2025-03-14');
  });

  it('a calendar-day limit ending on a holiday moves past the whole break', () => {
    // 20/4/2025 is a Sunday → counts from Monday 21/4; + 9 = 30/4 → off until 4/5 → 5/5.
    expect(appointmentDate({ receivedAt: vn('2025-04-20T10:00:00'), limit: calendarDays(9) })).toBe(
      '2025-05-05',
    );
  });

  it('explains the computation with the policy and calendar version', () => {
    const explained = explainAppointment({
      receivedAt: vn('2025-03-15T10:00:00'),
      limit: workingDays(2),
    });
    expect(explained).toEqual({
      appointmentDate: '2025-03-19',
      receivedOn: '2025-03-15',
      countsAsReceivedOn: '2025-03-17',
      limit: { value: 2, unit: 'working_days' },
      dueAt: vn('2025-03-19T17:00:00'),
      policyId: 'nd61-2018',
      calendarVersion,
    });
  });

  it('validates its input, naming the rule', () => {
    const receivedAt = vn('2025-03-17T09:00:00');
    expect(() =>
      appointmentDate({ receivedAt, limit: { value: -1, unit: 'working_days' } }),
    ).toThrow(/limit.value must be a non-negative integer.*rule: non-negative-integer/);
    expect(() =>
      appointmentDate({ receivedAt, limit: { value: 3, unit: 'weeks' as never } }),
    ).toThrow(/rule: limit-unit/);
    expect(() =>
      appointmentDate({ receivedAt: new Date(Number.NaN), limit: workingDays(3) }),
    ).toThrow(/receivedAt must be a valid Date.*rule: instant/);
  });
});

describe('receipt policies are data selected by the date of receipt', () => {
  const later = {
    ...ND61_2018_POLICY,
    id: 'test-2026',
    effectiveFrom: '2026-01-01',
    effectiveTo: undefined,
    transferCutoff: '16:00',
  };
  const earlier = { ...ND61_2018_POLICY, effectiveTo: '2025-12-31' };
  const calendar = new Calendar({ receiptPolicies: [later, earlier] });

  it('applies the policy in force on the local date of receipt', () => {
    expect(calendar.receiptPolicyFor('2025-12-31').id).toBe('nd61-2018');
    expect(calendar.receiptPolicyFor('2026-01-05').id).toBe('test-2026');
    expect(calendar.transferDeadline(vn('2025-12-31T15:30:00'))).toEqual(vn('2026-01-05T07:00:00'));
    expect(calendar.transferDeadline(vn('2026-01-05T15:30:00'))).toEqual(vn('2026-01-05T17:00:00'));
    expect(calendar.version).not.toBe(calendarVersion);
  });

  it('refuses a malformed policy at construction', () => {
    const bad = { ...ND61_2018_POLICY, transferCutoff: '3pm' };
    expect(() => new Calendar({ receiptPolicies: [bad] })).toThrow(
      /transferCutoff "3pm" is not HH:MM.*rule: time-of-day/,
    );
    const overlapping = {
      ...ND61_2018_POLICY,
      officeHours: [
        { from: '07:00', to: '12:00' },
        { from: '11:00', to: '17:00' },
      ],
    };
    expect(() => new Calendar({ receiptPolicies: [overlapping] })).toThrow(/rule: receipt-policy/);
  });
});
