import { maskLongNumbers } from './mask-numbers';

describe('maskLongNumbers', () => {
  it('hides CCCD and phone numbers in any spelling', () => {
    expect(maskLongNumbers('CCCD 001099012345, ĐT 0912.345.678')).toBe(
      'CCCD ************, ĐT ****.***.***',
    );
  });
  it('keeps short numbers: amounts, years, document numbers', () => {
    expect(maskLongNumbers('Thông tư 01/2024/TT-BTC, lệ phí 1.450.000.000 đồng, 15 ngày')).toBe(
      'Thông tư 01/2024/TT-BTC, lệ phí 1.450.000.000 đồng, 15 ngày',
    );
    expect(maskLongNumbers('PAKN-2026-000123 1.005432')).toBe('PAKN-2026-000123 1.005432');
    expect(maskLongNumbers('gọi +84 912 345 678')).toBe('gọi +** *** *** ***');
  });
});
