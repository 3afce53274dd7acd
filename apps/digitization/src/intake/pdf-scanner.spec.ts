import { PdfScanner } from './pdf-scanner';
import { samplePdf } from '../../test/support/sample-files';

function scan(file: Buffer, size: number) {
  const scanner = new PdfScanner();
  for (let offset = 0; offset < file.length; offset += size)
    scanner.push(file.subarray(offset, offset + size));
  scanner.finish();
  return scanner;
}

describe('PdfScanner', () => {
  it('counts /Type /Page but not /Type /Pages, whatever the chunk boundaries', () => {
    const file = samplePdf({ pages: 5 });
    for (const size of [1, 3, 7, 16, 31, 32, 33, 1000]) expect(scan(file, size).pages).toBe(5);
  });

  it('counts signature dictionaries by /ByteRange', () => {
    expect(scan(samplePdf({ signed: true }), 5).signatures).toBe(1);
    expect(scan(samplePdf(), 5).signatures).toBe(0);
  });

  it('accepts whitespace variants between the tokens', () => {
    expect(
      scan(
        Buffer.from('<< /Type/Page >> << /Type \n /Page/Parent 2 0 R >> << /Type /PageLabel >>'),
        4,
      ).pages,
    ).toBe(2);
  });
});
