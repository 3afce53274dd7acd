import {
  formatDate,
  formatDateTime,
  formatInteger,
  formatPercent,
  periodTitle,
} from './vietnamese-format';

describe('Vietnamese report formatting', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatInteger(600000)).toBe('600.000');
    expect(formatPercent(0.875).replace(/\s/g, ' ')).toMatch(/^87,5 ?%$/);
    expect(formatPercent(null)).toBe('–');
  });

  it('writes dates day first, in local time', () => {
    expect(formatDate('2026-11-29')).toBe('29/11/2026');
    expect(formatDateTime('2026-11-29T17:30:00Z')).toBe('30/11/2026 00:30');
    expect(periodTitle('quarterly', 2026, 4)).toBe('Quý IV năm 2026');
  });
});
