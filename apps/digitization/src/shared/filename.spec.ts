import { contentDisposition, safeFilename } from './filename';

describe('safeFilename', () => {
  it('accepts a plain name with Vietnamese letters and spaces', () => {
    expect(safeFilename.safeParse('Giấy phép kinh doanh.pdf').success).toBe(true);
  });

  it.each(['../etc/passwd', 'C:\\Windows\\x.pdf', 'a/b.pdf', '.hidden', 'x\u0000.pdf', 'a..b'])(
    'refuses the path-like name %j',
    (name) => {
      expect(safeFilename.safeParse(name).success).toBe(false);
    },
  );
});

describe('contentDisposition', () => {
  it('is always an attachment with an ASCII fallback and the UTF-8 name', () => {
    const header = contentDisposition('Giấy phép "số 1".pdf');
    expect(header.startsWith('attachment; filename="Giay_phep_so_1_.pdf"')).toBe(true);
    expect(header).toContain(
      "filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p%20%22s%E1%BB%91%201%22.pdf",
    );
  });
});
