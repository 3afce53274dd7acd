import { createHash } from 'node:crypto';
import {
  DOSSIER_CODE_PATTERN,
  dossierCode,
  formatDossierCode,
  MAX_DOSSIER_SEQUENCE,
  freeText,
  label,
  PORTAL_STATUS,
  safeCode,
} from './common.schemas';
import { applicantKeyOf, maskPersonalId, normalisePersonalId } from './personal-data';

describe('dossier code (Circular 03/2025 Art. 13; Circular 01/2018 for dossiers to 30/6/2025)', () => {
  it.each(
    [
      '000.00.15.H26-261129-0001',
      '000.00.15.H26-260229-9999',
      'H26.15-240229-0042',
      'G01.01-240229-0042',
      '000.12.30.H29-261231-0100',
      ['a sequence past 9,999', '000.00.15.H26-261129-10000'],
      ['a provincial 2026-form agency ID', 'H15.50.05.13-261008-0975'],
      ['the AA form of a central service (AA = 09, sequence 0001)', 'G09.123.45-260126-090001'],
      ['a 7-digit ministry sequence', 'G18.10.01-261130-1800123'],
      ['9 digits (the longest)', '000.00.15.H26-261129-123456789'],
    ].map((c) => (Array.isArray(c) ? c[1] : c)),
  )('accepts %s', (code) => {
    expect(dossierCode.safeParse(code).success).toBe(true);
  });

  it.each([
    ['no agency code', '261129-0001'],
    ['lowercase agency code', '000.00.15.h26-261129-0001'],
    ['month 13', '000.00.15.H26-261329-0001'],
    ['day 32', '000.00.15.H26-261132-0001'],
    ['day 00', '000.00.15.H26-261100-0001'],
    ['sequence 0000', '000.00.15.H26-261129-0000'],
    ['an all-zero longer sequence', '000.00.15.H26-261129-000000'],
    ['3-digit sequence', '000.00.15.H26-261129-001'],
    [
      '10-digit sequence (a run that could hide a personal number)',
      '000.00.15.H26-261129-0123456789',
    ],
    ['4-digit year', '000.00.15.H26-20261129-0001'],
    ['wrong separator', '000.00.15.H26_261129_0001'],
    ['trailing text', '000.00.15.H26-261129-0001x'],
    ['a personal identification number', '001099012345'],
    ['a dotted personal identification number', '001.099.012.345-261129-0001'],
  ])('rejects %s', (_, code) => {
    expect(dossierCode.safeParse(code).success).toBe(false);
    expect(DOSSIER_CODE_PATTERN.test(code)).toBe(false);
  });

  it('is built from agency, local receipt date and daily sequence, growing past 9,999 (boundary 9,999 → 10,000)', () => {
    const code = (sequence: number) =>
      formatDossierCode({ agencyCode: '000.00.15.H26', receivedOn: '2026-11-29', sequence });
    expect(code(1)).toBe('000.00.15.H26-261129-0001');
    expect(code(9999)).toBe('000.00.15.H26-261129-9999');
    expect(code(10000)).toBe('000.00.15.H26-261129-10000');
    expect(code(10001)).toBe('000.00.15.H26-261129-10001');
    expect(code(MAX_DOSSIER_SEQUENCE)).toBe('000.00.15.H26-261129-999999999');
    expect(() => code(MAX_DOSSIER_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => code(0)).toThrow(/positive integer/);
    expect(() => code(1.5)).toThrow(/positive integer/);
    expect(() =>
      formatDossierCode({ agencyCode: 'bad', receivedOn: '2026-11-29', sequence: 1 }),
    ).toThrow();
  });

  it('builds the AA form of a centrally provided service (Circular 03/2025 Art. 13(3)(c)-(d))', () => {
    const central = (sequence: number, centralSystemPrefix: string) =>
      formatDossierCode({
        agencyCode: 'G09.123.45',
        receivedOn: '2026-01-26',
        sequence,
        centralSystemPrefix,
      });
    expect(central(1, '09')).toBe('G09.123.45-260126-090001');
    expect(central(12345, '18')).toBe('G09.123.45-260126-1812345');
    expect(() => central(1, '9')).toThrow(/2 digits/);
    expect(() => central(1, 'AB')).toThrow(/2 digits/);
  });
});

describe('text that may reach an event', () => {
  const id = '001099012345';
  it.each([
    id,
    `CCCD ${id}.`,
    `số ${id.slice(0, 6)} ${id.slice(6)}`,
    '001 099 012 345',
    '001.099.012.345',
    `x${id}9`,
  ])('rejects %j', (text) => {
    expect(freeText.safeParse(text).success).toBe(false);
    expect(label.safeParse(text).success).toBe(false);
    expect(safeCode.safeParse(text.replace(/ /g, '')).success).toBe(false);
  });

  it.each([
    'Biểu mẫu đăng ký giá thiếu chữ ký',
    'Gọi 0912 345 678 trước ngày 2026-12-04',
    'Quyết định 1234/QĐ-UBND ngày 05/01/2026',
    'Giảm 1.024.000 đồng',
  ])('accepts %j', (text) => {
    expect(freeText.safeParse(text).success).toBe(true);
  });

  it('codes have no spaces', () => {
    expect(safeCode.safeParse('04/2026/PXL-STC').success).toBe(true);
    expect(safeCode.safeParse('VP MC').success).toBe(false);
  });
});

describe('personal identifiers', () => {
  it('hashes the normalised identifier for applicantKey', () => {
    const expected = createHash('sha256').update('001099012345').digest('hex');
    expect(applicantKeyOf('001099012345')).toBe(expected);
    expect(applicantKeyOf(' 001 099.012-345 ')).toBe(expected);
    expect(normalisePersonalId('ab-12 3')).toBe('AB123');
    expect(() => applicantKeyOf('  ')).toThrow();
  });

  it.each([
    ['001099012345', '0010******45'],
    ['0101234567', '010******7'],
    ['012345678', '012*****8'],
    ['B1234567', 'B1*****7'],
    ['1234', '1***'],
  ])('masks %s as %s', (identifier, masked) => {
    expect(maskPersonalId(identifier)).toBe(masked);
  });

  it('never shows more than the first 4 and last 2 characters', () => {
    for (let length = 4; length <= 20; length++) {
      const identifier = '9'.repeat(length);
      const masked = maskPersonalId(identifier);
      expect(masked).toHaveLength(length);
      expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(6);
      expect(masked).toMatch(/^\d{0,4}\*{3,}\d{0,2}$/);
    }
    expect(() => maskPersonalId('123')).toThrow();
  });
});

it('PORTAL_STATUS has the ten national-portal codes with Vietnamese labels', () => {
  expect(Object.keys(PORTAL_STATUS).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(PORTAL_STATUS[1]).toEqual({ en: 'newly registered', vi: 'Mới đăng ký' });
  expect(PORTAL_STATUS[10]).toEqual({ en: 'result returned', vi: 'Đã trả kết quả' });
});
