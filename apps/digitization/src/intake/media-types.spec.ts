import { essenceOf, sniffMediaType } from './media-types';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../test/support/sample-files';

describe('sniffMediaType', () => {
  it('recognises each supported type by its magic bytes', () => {
    expect(sniffMediaType(samplePdf())).toBe('application/pdf');
    expect(sniffMediaType(samplePng())).toBe('image/png');
    expect(sniffMediaType(sampleJpeg())).toBe('image/jpeg');
    expect(sniffMediaType(sampleTiff())).toBe('image/tiff');
    expect(sniffMediaType(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image/tiff');
  });

  it('names nothing for other content (an HTML page renamed .pdf stays unknown)', () => {
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('PK\u0003\u0004zip'))).toBeUndefined();
  });

  it('reads the essence of a Content-Type header', () => {
    expect(essenceOf('Application/PDF; charset=binary')).toBe('application/pdf');
    expect(essenceOf(undefined)).toBe('');
  });
});
