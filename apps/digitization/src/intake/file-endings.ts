import type { MediaType } from './media-types';

/** How many trailing bytes the intake keeps to check that a file is complete. */
export const TAIL_LENGTH = 1024;

const PNG_IEND = Buffer.from([
  0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

/**
 * Truncation check on the last bytes: a PDF ends with `%%EOF` (within the last 1024 bytes), a
 * PNG with its IEND chunk, a JPEG with the EOI marker FF D9 (a little trailing padding is
 * tolerated). TIFF completeness is checked by walking its IFDs (tiff-pages.ts).
 */
export function isComplete(type: MediaType, tail: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return tail.includes('%%EOF', 0, 'latin1');
    case 'image/png':
      return (
        tail.length >= PNG_IEND.length &&
        tail.subarray(tail.length - PNG_IEND.length).equals(PNG_IEND)
      );
    case 'image/jpeg':
      return tail.subarray(Math.max(0, tail.length - 64)).includes(Buffer.from([0xff, 0xd9]));
    case 'image/tiff':
      return true;
  }
}
