import {
  formatDecimal,
  formatInteger,
  formatPercent,
  viDate,
  viDateTime,
  viDay,
  viLongDate,
  viTimeAndDate,
} from './format';

describe('Vietnamese dates and numbers', () => {
  it('prints instants in local time (UTC+7), day first', () => {
    expect(viDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(viDate(new Date('2026-12-31T16:59:59Z'))).toBe('31/12/2026');
    expect(viLongDate(new Date('2027-01-05T01:30:00Z'))).toBe('ngày 05 tháng 01 năm 2027');
    expect(viTimeAndDate(new Date('2027-01-05T01:30:00Z'))).toBe(
      '08 giờ 30 phút, ngày 05 tháng 01 năm 2027',
    );
    expect(viDay('2026-11-29')).toBe('29/11/2026');
  });

  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatInteger(600000)).toBe('600.000');
    expect(formatDecimal(2.5)).toBe('2,5');
    expect(formatPercent(0.875).replace(/\s/g, ' ')).toMatch(/^87,5 ?%$/);
    expect(formatPercent(null)).toBe('–');
  });
});
