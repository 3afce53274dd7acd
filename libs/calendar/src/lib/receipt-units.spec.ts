import { Calendar } from './calendar.service';
import {
  addWorkingHours,
  explainAppointment,
  receiptPolicyFor,
  workingHoursBetween,
} from './default-calendar.api';
import { ND118_2025_POLICY, ND61_2018_POLICY, RECEIPT_POLICIES } from './receipt-policy.constant';
import { LIMIT_UNITS, type LimitUnit } from './receipt-policy.types';
import { timeLimitLabelVi } from './time-limit-label';

const vn = (local: string) => new Date(`${local}+07:00`);
const due = (receivedAt: string, value: number, unit: LimitUnit) =>
  explainAppointment({ receivedAt: vn(receivedAt), limit: { value, unit } });

describe('receipt policies by date of receipt: Decree 61/2018 to 30/6/2025, Decree 118/2025 from 1/7/2025', () => {
  it('switches at midnight between 30/6 and 1/7/2025 and names each basis', () => {
    expect(receiptPolicyFor('2025-06-30').id).toBe('nd61-2018');
    expect(receiptPolicyFor('2025-07-01').id).toBe('nd118-2025');
    expect(due('2025-06-30T23:59:59', 1, 'working_days').policyId).toBe('nd61-2018');
    expect(due('2025-07-01T00:00:00', 1, 'working_days').policyId).toBe('nd118-2025');
    expect(ND61_2018_POLICY.effectiveTo).toBe('2025-06-30');
    expect(ND61_2018_POLICY.legalBasis).toMatch(/Decree 61\/2018\/NĐ-CP/);
    expect(ND118_2025_POLICY.legalBasis).toMatch(/Decree 118\/2025\/NĐ-CP/);
    expect(ND118_2025_POLICY.effectiveTo).toBeUndefined();
    for (const unit of LIMIT_UNITS) {
      expect(ND61_2018_POLICY.unitRules[unit].basis).toMatch(/Decree 61\/2018/);
      expect(ND118_2025_POLICY.unitRules[unit].basis).toMatch(/Decree 118\/2025/);
      expect(ND118_2025_POLICY.unitRules[unit].rule).toBe(ND61_2018_POLICY.unitRules[unit].rule);
    }
  });

  it('keeps the same values under both (only the basis differs)', () => {
    const values = (p: typeof ND61_2018_POLICY) => [
      p.officeHours,
      p.transferCutoff,
      p.receiptDayEndsAt,
      p.sameDayCutoff,
    ];
    expect(values(ND118_2025_POLICY)).toEqual(values(ND61_2018_POLICY));
  });

  it('refuses overlapping policies and a receipt date no policy covers', () => {
    const open61 = { ...ND61_2018_POLICY, effectiveTo: '2025-07-01' };
    expect(() => new Calendar({ receiptPolicies: [open61, ND118_2025_POLICY] })).toThrow(
      /overlaps nd118-2025/,
    );
    const closedOnly = new Calendar({ receiptPolicies: [ND61_2018_POLICY] });
    expect(() => closedOnly.receiptPolicyFor('2025-07-01')).toThrow(
      /no receipt policy is in force on 2025-07-01/,
    );
    expect(RECEIPT_POLICIES.map((p) => p.id)).toEqual(['nd61-2018', 'nd118-2025']);
  });

  it('refuses a policy that does not state a rule and basis for every unit', () => {
    const missing = {
      ...ND118_2025_POLICY,
      unitRules: { ...ND118_2025_POLICY.unitRules, months: { rule: '', basis: '' } },
    };
    expect(() => new Calendar({ receiptPolicies: [ND61_2018_POLICY, missing] })).toThrow(
      /unitRules\.months must state its rule and its basis/,
    );
  });
});

describe('units of time limit and their receipt-time rules', () => {
  it('same day (trong ngày): before 15:00 the same working day, from 15:00:00 the next working day', () => {
    expect(due('2026-12-03T14:59:59', 1, 'same_day')).toMatchObject({
      appointmentDate: '2026-12-03',
      dueAt: vn('2026-12-03T17:00:00'),
    });
    expect(due('2026-12-03T15:00:00', 1, 'same_day').appointmentDate).toBe('2026-12-04');
    expect(due('2026-12-04T15:30:00', 1, 'same_day').appointmentDate).toBe('2026-12-07'); // Friday → Monday
    expect(due('2026-11-23T16:00:00', 1, 'same_day').appointmentDate).toBe('2026-11-25'); // 24/11 off
    expect(due('2026-12-05T09:00:00', 1, 'same_day').appointmentDate).toBe('2026-12-07'); // Saturday
    expect(() => due('2026-12-03T09:00:00', 2, 'same_day')).toThrow(/same_day limit must be 1/);
  });

  it('working hours: run in office hours only, from the receipt instant (Civil Code Art. 147(1))', () => {
    expect(due('2026-12-03T08:00:00', 4, 'working_hours').dueAt).toEqual(vn('2026-12-03T14:00:00')); // 3.5 h before noon
    expect(due('2026-12-03T13:30:00', 3.5, 'working_hours').dueAt).toEqual(
      vn('2026-12-03T17:00:00'),
    ); // ends at the close
    expect(due('2026-12-03T16:00:00', 2, 'working_hours').dueAt).toEqual(vn('2026-12-04T08:00:00'));
    expect(due('2026-12-03T18:00:00', 1, 'working_hours').dueAt).toEqual(vn('2026-12-04T08:00:00')); // after hours
    expect(due('2026-12-03T12:00:00', 1, 'working_hours').dueAt).toEqual(vn('2026-12-03T14:30:00')); // lunch break
    expect(due('2026-11-23T16:00:00', 2, 'working_hours').dueAt).toEqual(vn('2026-11-25T08:00:00')); // over 24/11
    expect(due('2026-12-04T16:00:00', 8, 'working_hours')).toMatchObject({
      appointmentDate: '2026-12-07',
      dueAt: vn('2026-12-07T16:00:00'),
    });
    expect(addWorkingHours(vn('2026-12-03T07:00:00'), 8)).toEqual(vn('2026-12-03T17:00:00'));
    expect(() => due('2026-12-03T08:00:00', 0, 'working_hours')).toThrow(/positive number/);
  });

  it('working hours between two instants: office periods of working days only, the inverse of addWorkingHours', () => {
    // Thu 3/12/2026 08:00 → Fri 4/12 12:00: 7 h left on Thursday (3.5 + 3.5), 4.5 h Friday morning.
    expect(workingHoursBetween(vn('2026-12-03T08:00:00'), vn('2026-12-04T12:00:00'))).toBe(11.5);
    // Fri 17:00 → Mon 07:00 spans a weekend and no office hour.
    expect(workingHoursBetween(vn('2026-12-04T17:00:00'), vn('2026-12-07T07:00:00'))).toBe(0);
    // Mon 23/11/2026 10:00 → Wed 25/11 10:00: Tue 24/11 is Culture Day (day off).
    expect(workingHoursBetween(vn('2026-11-23T10:00:00'), vn('2026-11-25T10:00:00'))).toBe(8);
    const start = vn('2026-12-03T09:15:00');
    expect(workingHoursBetween(start, addWorkingHours(start, 19.5))).toBeCloseTo(19.5, 6);
    expect(workingHoursBetween(vn('2026-12-04T10:00:00'), vn('2026-12-03T10:00:00'))).toBe(0);
  });

  it('months: the corresponding day (or the month’s last day), then the next working day (Civil Code Art. 148)', () => {
    expect(due('2026-01-30T09:00:00', 1, 'months').appointmentDate).toBe('2026-03-02'); // 28/2 is a Saturday
    expect(due('2027-01-29T09:00:00', 1, 'months').appointmentDate).toBe('2027-03-01'); // 28/2/2027 Sunday
    expect(due('2026-09-24T09:00:00', 2, 'months').appointmentDate).toBe('2026-11-25'); // 24/11 off
    // 31/3 + 1 month → 30/4 (no 31/4); 30/4 and 1/5 off, 2-3/5 weekend → Mon 4/5.
    expect(due('2026-03-31T09:00:00', 1, 'months').appointmentDate).toBe('2026-05-04');
    expect(due('2026-12-03T17:30:00', 1, 'months').countsAsReceivedOn).toBe('2026-12-04');
  });

  it('working and calendar days keep their rules, and every day-based limit ends at the close of office hours', () => {
    expect(due('2026-11-20T16:59:59', 5, 'working_days')).toMatchObject({
      appointmentDate: '2026-11-30',
      dueAt: vn('2026-11-30T17:00:00'),
    });
    expect(due('2026-11-20T17:00:00', 5, 'working_days').appointmentDate).toBe('2026-12-01');
    expect(due('2026-11-13T09:00:00', 11, 'calendar_days').appointmentDate).toBe('2026-11-25'); // 24/11 off → 25/11
  });
});

describe('time limits as forms print them', () => {
  it.each([
    [{ value: 5, unit: 'working_days' }, '5 ngày làm việc'],
    [{ value: 30, unit: 'calendar_days' }, '30 ngày'],
    [{ value: 4, unit: 'working_hours' }, '4 giờ làm việc'],
    [{ value: 3, unit: 'months' }, '3 tháng'],
    [{ value: 1, unit: 'same_day' }, 'trong ngày'],
  ] as const)('%j → %s', (limit, text) => {
    expect(timeLimitLabelVi(limit)).toBe(text);
  });
});
