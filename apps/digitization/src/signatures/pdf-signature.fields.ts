import { FileRejected } from '../intake/intake.errors';

/** A signature dictionary's /ByteRange and the DER in its /Contents. */
export type SignatureField = { ranges: [number, number, number, number]; contents: Buffer };

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const ANY_BYTE_RANGE = /\/ByteRange\s*\[/g;

/**
 * Finds the signature dictionaries of a PDF by their /ByteRange and checks each one's shape: it
 * starts at 0, its gap is exactly one `<hex>` string (the /Contents), and it stays inside the file.
 * A /ByteRange that is not four numbers, or a gap that is not the hex string, is refused:
 * `[0 0 0 0]` with an empty /Contents is a pattern, not a signature.
 */
export function findSignatureFields(pdf: Buffer): SignatureField[] {
  const text = pdf.toString('latin1');
  const fields: SignatureField[] = [];
  const declared = text.match(ANY_BYTE_RANGE)?.length ?? 0;
  for (const match of text.matchAll(BYTE_RANGE)) {
    const ranges = match.slice(1, 5).map(Number) as SignatureField['ranges'];
    const [start1, length1, start2, length2] = ranges;
    const gapEnd = start2;
    if (
      start1 !== 0 ||
      length1 <= 0 ||
      length2 < 0 ||
      gapEnd <= length1 + 1 ||
      start2 + length2 > pdf.length
    ) {
      throw new FileRejected(
        'signature-byte-range-invalid',
        `the /ByteRange [${ranges.join(' ')}] does not describe this file`,
      );
    }
    const gap = text.slice(length1, gapEnd);
    if (!/^<[0-9A-Fa-f]+>$/.test(gap) || gap.length % 2 !== 0) {
      throw new FileRejected(
        'signature-byte-range-invalid',
        'the /ByteRange gap is not exactly the /Contents hex string',
      );
    }
    fields.push({ ranges, contents: Buffer.from(gap.slice(1, -1), 'hex') });
  }
  if (fields.length !== declared) {
    throw new FileRejected(
      'signature-byte-range-invalid',
      'a /ByteRange is not four non-negative integers',
    );
  }
  return fields;
}
