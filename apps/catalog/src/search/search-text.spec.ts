import { foldVietnamese, searchTerms } from '@motcua/vietnamese';
import { searchTextOf } from './search-text';

describe('Vietnamese search folding', () => {
  it('folds diacritics, đ and case so that "dang ky gia" matches "Đăng ký giá"', () => {
    expect(foldVietnamese('Đăng ký giá')).toBe('dang ky gia');
    expect(foldVietnamese('ĐĂNG KÝ GIÁ')).toBe('dang ky gia');
    expect(foldVietnamese('Quản lý công sản')).toBe('quan ly cong san');
    expect(foldVietnamese('Tin học thống kê tài chính')).toBe('tin hoc thong ke tai chinh');
  });

  it('folds text composed or decomposed (NFC and NFD) alike', () => {
    expect(foldVietnamese('Đăng ký giá'.normalize('NFD'))).toBe(
      foldVietnamese('Đăng ký giá'.normalize('NFC')),
    );
  });

  it('keeps procedure codes searchable and drops punctuation', () => {
    expect(
      searchTextOf({
        code: '1.005432',
        name: 'Kê khai giá (cấp tỉnh)',
        domainName: 'Quản lý giá',
        decidingAgency: 'Sở Tài chính',
      }),
    ).toBe('1.005432 ke khai gia cap tinh quan ly gia so tai chinh');
  });

  it('splits a query into folded words', () => {
    expect(searchTerms('  Đăng   KÝ giá ')).toEqual(['dang', 'ky', 'gia']);
    expect(searchTerms(undefined)).toEqual([]);
  });
});
