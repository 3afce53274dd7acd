import { foldVietnamese, searchTerms } from './fold';

describe('foldVietnamese', () => {
  it('removes diacritics, folds đ and case', () => {
    expect(foldVietnamese('Phản ánh về LỆ PHÍ Đăng ký')).toBe('phan anh ve le phi dang ky');
    expect(foldVietnamese('đường Điện Biên Phủ')).toBe('duong dien bien phu');
  });
  it('folds composed and decomposed input alike and squeezes punctuation', () => {
    expect(foldVietnamese('Thu\u0309 tục  –  hành chính!')).toBe(
      foldVietnamese('Thủ tục hành chính'),
    );
    expect(foldVietnamese('<script>alert(1)</script>')).toBe('script alert 1 script');
  });
  it('splits a query into folded terms (at most 10)', () => {
    expect(searchTerms('  Lệ phí  trước bạ ')).toEqual(['le', 'phi', 'truoc', 'ba']);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms('a b c d e f g h i j k l')).toHaveLength(10);
  });
});
