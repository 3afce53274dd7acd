import {
  atLocalTime,
  endOfOfficeDay,
  isWithinOfficeHours,
  ND118_2025_POLICY,
  ND61_2018_POLICY,
  officeHours,
  todayInVietnam,
  toLocalDate,
} from '../index';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('todayInVietnam / toLocalDate (UTC+7, no daylight saving)', () => {
  it('turns the date at 17:00 UTC, local midnight', () => {
    expect(todayInVietnam(new Date('2026-06-29T16:59:59.999Z'))).toBe('2026-06-29');
    expect(todayInVietnam(new Date('2026-06-29T17:00:00.000Z'))).toBe('2026-06-30');
  });

  it('crosses a year and a leap day at local midnight', () => {
    expect(toLocalDate(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(toLocalDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(toLocalDate(new Date('2028-02-28T17:00:00Z'))).toBe('2028-02-29');
  });

  it('takes ISO instants as text, in any offset', () => {
    expect(toLocalDate('2026-11-29T17:00:00Z')).toBe('2026-11-30');
    expect(toLocalDate('2026-11-30T08:30:00+07:00')).toBe('2026-11-30');
    expect(toLocalDate('2026-11-30T23:59:59+07:00')).toBe('2026-11-30');
  });

  it('rejects what is not an instant with rule `instant`', () => {
    expect(() => toLocalDate('not a date')).toThrow(expect.objectContaining({ rule: 'instant' }));
    expect(() => todayInVietnam(new Date(Number.NaN))).toThrow(
      expect.objectContaining({ rule: 'instant' }),
    );
  });

  it('defaults to now', () => {
    const before = toLocalDate(new Date());
    const today = todayInVietnam();
    expect([before, toLocalDate(new Date())]).toContain(today);
  });
});

describe('officeHours (07:00-11:30, 13:30-17:00, end excluded)', () => {
  it('are the hours both receipt policies carry', () => {
    expect(officeHours).toEqual([
      { from: '07:00', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ]);
    expect(ND61_2018_POLICY.officeHours).toEqual(officeHours);
    expect(ND118_2025_POLICY.officeHours).toEqual(officeHours);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(officeHours)).toBe(true);
    expect(Object.isFrozen(officeHours[0])).toBe(true);
  });

  it.each([
    ['2026-12-04T06:59:59', false],
    ['2026-12-04T07:00:00', true],
    ['2026-12-04T11:29:59', true],
    ['2026-12-04T11:30:00', false],
    ['2026-12-04T13:29:59', false],
    ['2026-12-04T13:30:00', true],
    ['2026-12-04T16:59:59', true],
    ['2026-12-04T17:00:00', false],
    ['2026-12-05T09:00:00', false], // Saturday
  ])('%s (local) is within office hours: %s', (local, inside) => {
    expect(isWithinOfficeHours(vn(local))).toBe(inside);
  });
});

describe('atLocalTime / endOfOfficeDay', () => {
  it('place a local date and time at UTC+7', () => {
    expect(atLocalTime('2026-12-04', '07:00').toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(atLocalTime('2027-01-01', '00:00').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(endOfOfficeDay('2026-12-04').toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });

  it('refuse a date or a time of day that does not exist', () => {
    expect(() => atLocalTime('2026-02-30', '07:00')).toThrow(
      expect.objectContaining({ rule: 'iso-date-exists' }),
    );
    expect(() => atLocalTime('2026-12-04', '24:00')).toThrow(
      expect.objectContaining({ rule: 'time-of-day' }),
    );
  });
});
