import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks, and leaves empty cells for null', () => {
    const csv = toCsv(['a', 'b', 'c'], [{ a: 'Sở Tài chính, Phú Thọ', b: 'say "hi"', c: null }]);
    expect(csv).toBe('a,b,c\r\n"Sở Tài chính, Phú Thọ","say ""hi""",\r\n');
  });
});
