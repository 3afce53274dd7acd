import { calendarVersion, endOfOfficeDay, toLocalDate, toLocalTime } from '@motcua/calendar';
import { scheduleFrom } from './due-dates';

const workflow = [
  { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
  { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', unitName: 'Phòng Quản lý giá', share: 4 },
  { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', unitName: 'Bộ phận một cửa', share: 0.5 },
];
const local = (d: Date) => `${toLocalDate(d)} ${toLocalTime(d).slice(0, 5)}`;

describe('scheduleFrom (ngày hẹn trả and step due dates)', () => {
  it('skips Tết 2026: received Friday 13/2 morning, 5 working days end on Friday 27/2', () => {
    const s = scheduleFrom(
      new Date('2026-02-13T09:00:00+07:00'),
      { value: 5, unit: 'working_days' },
      workflow,
    );
    // Off: 14-22/2 (weekend + Tết 16-20/2); day 1 = Mon 23/2 ... day 5 = Fri 27/2.
    expect(s.appointmentDate).toBe('2026-02-27');
    expect(local(s.dueAt)).toBe('2026-02-27 17:00');
    expect(s.steps.map((x) => local(x.dueAt))).toEqual([
      '2026-02-23 17:00',
      '2026-02-27 17:00',
      '2026-02-27 17:00',
    ]);
    expect(s.calendarVersion).toBe(calendarVersion);
  });

  it('counts the swapped Saturday 10/1/2026 as a working day and 2/1/2026 as a day off', () => {
    // Received Wed 31/12/2025 10:00; 1/1 holiday, 2/1 swapped off, 3-4/1 weekend, then 5-9/1, Sat 10/1 worked.
    const s = scheduleFrom(
      new Date('2025-12-31T10:00:00+07:00'),
      { value: 6, unit: 'working_days' },
      workflow,
    );
    expect(s.appointmentDate).toBe('2026-01-10');
  });

  it('a dossier received after 17:00 counts from the next working day', () => {
    const s = scheduleFrom(
      new Date('2026-11-27T17:30:00+07:00'),
      { value: 1, unit: 'working_days' },
      workflow,
    );
    // Friday evening → counts as received Monday 30/11 → day 1 = Tuesday 1/12.
    expect(s.countsAsReceivedOn).toBe('2026-11-30');
    expect(s.appointmentDate).toBe('2026-12-01');
  });

  it('never gives a step a date after the appointment, and the last step ends with it', () => {
    const s = scheduleFrom(
      new Date('2026-11-30T08:00:00+07:00'),
      { value: 3, unit: 'working_days' },
      [
        { order: 1, name: 'A', unitCode: 'U1', unitName: 'U1', share: 2 },
        { order: 2, name: 'B', unitCode: 'U2', unitName: 'U2', share: 5 },
      ],
    );
    expect(s.steps[0].dueAt.getTime()).toBeLessThanOrEqual(s.dueAt.getTime());
    expect(s.steps[1].dueAt).toEqual(s.dueAt);
    expect(s.dueAt).toEqual(endOfOfficeDay('2026-12-03'));
  });
});

describe('scheduleFrom with the units of Decree 118/2025 procedures', () => {
  it('counts 24/11/2026 (Vietnamese Culture Day) off: received Fri 20/11, 5 working days → Mon 30/11', () => {
    const s = scheduleFrom(
      new Date('2026-11-20T09:00:00+07:00'),
      { value: 5, unit: 'working_days' },
      workflow,
    );
    expect(s.appointmentDate).toBe('2026-11-30');
    expect(s.policyId).toBe('nd118-2025');
  });

  it('working hours: steps end after their share of office hours, the last with the limit', () => {
    const s = scheduleFrom(
      new Date('2026-12-03T08:00:00+07:00'),
      { value: 8, unit: 'working_hours' },
      [
        { order: 1, name: 'A', unitCode: 'U1', unitName: 'U1', share: 2 },
        { order: 2, name: 'B', unitCode: 'U2', unitName: 'U2', share: 6 },
      ],
    );
    expect(s.steps.map((x) => local(x.dueAt))).toEqual(['2026-12-03 10:00', '2026-12-04 08:00']);
    expect(local(s.dueAt)).toBe('2026-12-04 08:00');
  });

  it('same day: received at 15:00 the dossier is due at the close of the next working day', () => {
    const s = scheduleFrom(
      new Date('2026-12-04T15:00:00+07:00'),
      { value: 1, unit: 'same_day' },
      workflow,
    );
    expect(local(s.dueAt)).toBe('2026-12-07 17:00');
    expect(s.steps.every((x) => x.dueAt.getTime() === s.dueAt.getTime())).toBe(true);
  });
});
