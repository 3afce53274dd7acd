import { FileInspector } from './file-inspector';
import { FileRejected, type RejectionReason } from './intake.errors';
import type { IntakeLimits } from './intake-limits';
import type { FileKind, MediaType } from './media-types';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../test/support/sample-files';

const limits: IntakeLimits = {
  maxBytes: { 'application/pdf': 4096, 'image/jpeg': 2048, 'image/png': 2048, 'image/tiff': 4096 },
  maxPages: 3,
  maxPixels: 1_000_000,
};

/** Feeds the file in chunks of `size` bytes, as a socket would. */
function inspect(type: MediaType, file: Buffer, kind: FileKind = 'scan', size = 7) {
  const inspector = new FileInspector(type, kind, limits);
  for (let offset = 0; offset < file.length; offset += size)
    inspector.push(file.subarray(offset, offset + size));
  return inspector.finish();
}

function reasonOf(run: () => unknown): RejectionReason | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof FileRejected) return error.reason;
    throw error;
  }
}

describe('FileInspector', () => {
  it('accepts each supported type and reports size, pages and SHA-256', () => {
    const pdf = inspect('application/pdf', samplePdf({ pages: 2 }));
    expect(pdf.pages).toBe(2);
    expect(pdf.signed).toBe(false);
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inspect('image/png', samplePng()).pages).toBe(1);
    expect(inspect('image/jpeg', sampleJpeg()).sizeBytes).toBe(sampleJpeg().length);
    expect(inspect('image/tiff', sampleTiff(2)).pages).toBe(1); // TIFF pages are counted on disk
    expect(inspect('application/pdf', samplePdf({ signed: true }), 'signed-pdf').signed).toBe(true);
  });

  it('refuses content whose magic bytes do not match the declared type', () => {
    expect(reasonOf(() => inspect('application/pdf', samplePng()))).toBe('content-type-mismatch');
    expect(
      reasonOf(() => inspect('image/png', Buffer.from('just some text, not an image at all'))),
    ).toBe('content-type-mismatch');
  });

  it('refuses a zero-byte file and a file too short to identify', () => {
    expect(reasonOf(() => inspect('application/pdf', Buffer.alloc(0)))).toBe('empty-file');
    expect(reasonOf(() => inspect('application/pdf', Buffer.from('%PDF')))).toBe('truncated-file');
  });

  it('refuses truncated files: PDF without %%EOF, PNG without IEND, JPEG without EOI', () => {
    const pdf = samplePdf();
    expect(reasonOf(() => inspect('application/pdf', pdf.subarray(0, pdf.length - 8)))).toBe(
      'truncated-file',
    );
    const png = samplePng();
    expect(reasonOf(() => inspect('image/png', png.subarray(0, png.length - 12)))).toBe(
      'truncated-file',
    );
    const jpeg = sampleJpeg();
    expect(reasonOf(() => inspect('image/jpeg', jpeg.subarray(0, jpeg.length - 2)))).toBe(
      'truncated-file',
    );
  });

  it('refuses an oversized file as soon as the cap is passed', () => {
    const big = Buffer.concat([samplePng(), Buffer.alloc(4096)]);
    const inspector = new FileInspector('image/png', 'scan', limits);
    expect(() => inspector.push(big.subarray(0, 1000))).not.toThrow();
    expect(reasonOf(() => inspector.push(big.subarray(1000, 3000)))).toBe('file-too-large');
  });

  it('checks PNG IHDR width × height against the pixel cap from the first 24 bytes (decompression bomb)', () => {
    const bomb = samplePng(50_000, 50_000);
    const inspector = new FileInspector('image/png', 'scan', limits);
    expect(reasonOf(() => inspector.push(bomb.subarray(0, 24)))).toBe('image-too-large');
    expect(reasonOf(() => inspect('image/jpeg', sampleJpeg(20_000, 20_000)))).toBe(
      'image-too-large',
    );
    expect(reasonOf(() => inspect('image/png', samplePng(0, 10)))).toBe('malformed-file');
  });

  it('caps PDF pages, and refuses a PDF without countable pages', () => {
    expect(reasonOf(() => inspect('application/pdf', samplePdf({ pages: 4 })))).toBe(
      'too-many-pages',
    );
    expect(inspect('application/pdf', samplePdf({ pages: 3 })).pages).toBe(3);
    expect(
      reasonOf(() =>
        inspect(
          'application/pdf',
          Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
        ),
      ),
    ).toBe('malformed-file');
  });

  it('requires a signature dictionary for kind=signed-pdf, and a PDF media type', () => {
    expect(reasonOf(() => inspect('application/pdf', samplePdf(), 'signed-pdf'))).toBe(
      'signature-missing',
    );
    expect(reasonOf(() => inspect('image/png', samplePng(), 'signed-pdf'))).toBe(
      'content-type-mismatch',
    );
  });
});
