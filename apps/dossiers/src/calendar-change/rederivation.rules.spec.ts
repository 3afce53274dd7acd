import { calendarVersion } from '@motcua/calendar';
import { daysOffBetween, rederive, type OpenDossierForRederivation } from './rederivation.rules';

const vn = (local: string) => new Date(`${local}+07:00`);
const workflow = [
  { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
  { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', unitName: 'Phòng Quản lý giá', share: 4 },
  { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
];
/** A dossier received Fri 20/11/2026 09:00 with 5 working days, dated before Culture Day was in the calendar (27/11). */
const before: OpenDossierForRederivation = {
  status: 'processing',
  receivedAt: vn('2026-11-20T09:00:00'),
  restartedAt: null,
  timeLimit: { value: 5, unit: 'working_days' },
  dueAt: vn('2026-11-27T17:00:00'),
  calendarVersion: 'vn-cal-1-vn-gov-decisions-0000000000000000',
  extensionCount: 0,
  steps: workflow,
};

describe('re-deriving due dates after a calendar change (Nghị quyết 28/2026/QH16: 24/11 off)', () => {
  it('moves the 20/11/2026 dossier from Fri 27/11 to Mon 30/11, naming 24/11 as the day off of its period', () => {
    const result = rederive(before, vn('2026-11-26T10:00:00'));
    expect(result.outcome).toBe('moved');
    if (result.outcome !== 'moved') return;
    expect(result.schedule.appointmentDate).toBe('2026-11-30');
    expect(result.schedule.dueAt).toEqual(vn('2026-11-30T17:00:00'));
    expect(result.schedule.calendarVersion).toBe(calendarVersion);
    expect(result.daysOffInPeriod).toEqual(['2026-11-24']);
    expect([result.onTimeBefore, result.onTimeAfter]).toEqual(['in_time', 'in_time']);
  });

  it('turns an overdue dossier back to in time when the new date is still ahead (boundary: the due instant itself)', () => {
    const at = (now: string) => rederive(before, vn(now));
    const saturday = at('2026-11-28T10:00:00');
    expect(saturday.outcome === 'moved' && [saturday.onTimeBefore, saturday.onTimeAfter]).toEqual([
      'overdue',
      'in_time',
    ]);
    const atDue = at('2026-11-30T17:00:00');
    expect(atDue.outcome === 'moved' && atDue.onTimeAfter).toBe('in_time');
    const after = at('2026-11-30T17:00:01');
    expect(after.outcome === 'moved' && after.onTimeAfter).toBe('overdue');
  });

  it('counts from the last complete supplement when the clock restarted', () => {
    const result = rederive(
      { ...before, restartedAt: vn('2026-11-23T10:00:00'), dueAt: vn('2026-11-30T17:00:00') },
      vn('2026-11-26T10:00:00'),
    );
    // 24 off; 25 = 1, 26 = 2, 27 = 3, 30 = 4, 1/12 = 5.
    expect(
      result.outcome === 'moved' && [result.schedule.appointmentDate, result.clockStartedAt],
    ).toEqual(['2026-12-01', vn('2026-11-23T10:00:00')]);
  });

  it('leaves a dossier whose date is already right unchanged', () => {
    expect(
      rederive({ ...before, dueAt: vn('2026-11-30T17:00:00') }, vn('2026-11-26T10:00:00')).outcome,
    ).toBe('unchanged');
  });

  it('re-derives the legal due date of an extended dossier and keeps the date promised in the apology', () => {
    const result = rederive(
      {
        ...before,
        extensionCount: 1,
        dueAt: vn('2026-12-04T17:00:00'),
        legalDueAt: vn('2026-11-27T17:00:00'),
      },
      vn('2026-11-26T10:00:00'),
    );
    expect(result).toMatchObject({ outcome: 'moved', promisedDateKept: true });
    expect(result.schedule.appointmentDate).toBe('2026-11-30');
    // on time is judged against the legal date: 27/11 → 30/11
    expect(result.outcome === 'moved' && result.daysOffInPeriod).toEqual(['2026-11-24']);
    const plain = rederive({ ...before }, vn('2026-11-26T10:00:00'));
    expect(plain).toMatchObject({ outcome: 'moved', promisedDateKept: false });
  });

  it('moves a dossier whose limit spans 22/8-31/8/2026 (Mon 31/8 off, Sat 22/8 worked: Thông báo 9441/TB-BNV)', () => {
    // Received Thu 20/8/2026 09:00, 5 working days: 21 = 1, Sat 22 = 2, 24 = 3, 25 = 4, 26 = 5 (old: 27/8).
    const result = rederive(
      { ...before, receivedAt: vn('2026-08-20T09:00:00'), dueAt: vn('2026-08-27T17:00:00') },
      vn('2026-08-21T09:00:00'),
    );
    expect(result.outcome === 'moved' && result.schedule.appointmentDate).toBe('2026-08-26');
  });

  it('lists the days off of a period across a year end', () => {
    expect(daysOffBetween('2026-12-30', '2027-01-04')).toEqual(['2027-01-01']);
  });
});
