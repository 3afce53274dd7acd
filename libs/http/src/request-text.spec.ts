import { textViolations } from './request-text';

describe('textViolations', () => {
  it('accepts Vietnamese text, tabs and line breaks', () => {
    expect(
      textViolations({ name: 'Nguyễn Văn Ấn\tđã nộp\r\nhồ sơ', tags: ['Sở Tài chính'] }, ''),
    ).toEqual([]);
  });

  it('names a NUL byte in a query parameter', () => {
    expect(textViolations({ domain: 'a\u0000b' }, 'query')).toEqual([
      expect.objectContaining({ field: 'query.domain', rule: 'no-control-characters' }),
    ]);
  });

  it('names a BEL character deep in a body', () => {
    expect(textViolations({ applicant: { fullName: 'Trần\u0007B' } }, '')).toEqual([
      expect.objectContaining({ field: 'applicant.fullName', rule: 'no-control-characters' }),
    ]);
  });

  it('names C1 controls and DEL', () => {
    expect(textViolations(['a\u007f', 'b\u0085'], 'x').map((v) => v.field)).toEqual(['x.0', 'x.1']);
  });

  it('names a lone surrogate but keeps a pair (an emoji)', () => {
    expect(textViolations({ decision: 'QĐ \uD83D' }, '')).toEqual([
      expect.objectContaining({ field: 'decision', rule: 'well-formed-unicode' }),
    ]);
    expect(textViolations({ decision: 'QĐ \uDE00x' }, '')).toHaveLength(1);
    expect(textViolations({ note: 'ok 😀' }, '')).toEqual([]);
  });

  it('refuses member names with control characters', () => {
    expect(textViolations({ 'a\u0000': 1 }, '')).toEqual([
      expect.objectContaining({ rule: 'well-formed-keys' }),
    ]);
  });

  it('refuses nesting deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(textViolations(deep, '')).toEqual([expect.objectContaining({ rule: 'too-deep' })]);
  });

  it('ignores numbers, booleans, null and buffers', () => {
    expect(textViolations({ n: 1, b: true, z: null, raw: Buffer.from([0]) }, '')).toEqual([]);
  });
});
