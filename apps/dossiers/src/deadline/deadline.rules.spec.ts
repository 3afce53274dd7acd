import {
  deadlineStateOf,
  governingDueDate,
  officeHoursLeftToday,
  workingHoursLeft,
} from './deadline.rules';

const due = new Date('2026-12-04T17:00:00+07:00'); // Friday

describe('deadline watch rules', () => {
  it('counts office hours left today (07:00-11:30, 13:30-17:00)', () => {
    expect(officeHoursLeftToday(new Date('2026-12-04T06:00:00+07:00'))).toBe(8);
    expect(officeHoursLeftToday(new Date('2026-12-04T10:30:00+07:00'))).toBe(4.5);
    expect(officeHoursLeftToday(new Date('2026-12-04T12:00:00+07:00'))).toBe(3.5);
    expect(officeHoursLeftToday(new Date('2026-12-05T09:00:00+07:00'))).toBe(0); // Saturday
  });

  it('is due soon within one working day, not before', () => {
    expect(deadlineStateOf(new Date('2026-12-04T08:00:00+07:00'), due)).toEqual({
      state: 'due_soon',
      workingHoursLeft: 7,
    });
    expect(deadlineStateOf(new Date('2026-12-03T16:00:00+07:00'), due)).toEqual({ state: 'none' }); // 1 h today + 8 h Friday
    expect(deadlineStateOf(new Date('2026-12-03T17:00:00+07:00'), due)).toEqual({
      state: 'due_soon',
      workingHoursLeft: 8,
    });
  });

  it('skips weekends: Friday evening to a Monday deadline is one working day', () => {
    expect(
      workingHoursLeft(
        new Date('2026-12-04T18:00:00+07:00'),
        new Date('2026-12-07T17:00:00+07:00'),
      ),
    ).toBe(8);
  });

  it('is overdue once the deadline has passed', () => {
    expect(deadlineStateOf(new Date('2026-12-04T17:00:01+07:00'), due)).toEqual({
      state: 'overdue',
    });
    expect(deadlineStateOf(new Date('2026-12-01T09:00:00+07:00'), due)).toEqual({ state: 'none' });
  });

  it('judges an extended dossier against its legal due date, not the date promised in the apology (Circular 01/2018 index 1)', () => {
    const extended = {
      legalDueAt: new Date('2026-11-30T17:00:00+07:00'),
      dueAt: new Date('2026-12-04T17:00:00+07:00'),
    };
    const governing = governingDueDate(extended)!;
    expect(governing).toEqual(extended.legalDueAt);
    // Tuesday 1/12: overdue by law although the applicant was promised Friday 4/12.
    expect(deadlineStateOf(new Date('2026-12-01T09:00:00+07:00'), governing)).toEqual({
      state: 'overdue',
    });
    // The last minute of the legal due day is still on time (due soon).
    expect(deadlineStateOf(new Date('2026-11-30T17:00:00+07:00'), governing).state).toBe(
      'due_soon',
    );
    // A row from before the legal date was kept: its one date governs.
    expect(governingDueDate({ legalDueAt: null, dueAt: extended.dueAt })).toEqual(extended.dueAt);
  });
});
