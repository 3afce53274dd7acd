/**
 * Counts page objects and signature dictionaries of a PDF while it streams in, in one bounded
 * pass: each chunk is read once as latin1 text together with the last 32 characters of the
 * previous one (a match is at most 19 characters), and a match is counted only once, when it
 * starts before that carried-over tail. Pages are `/Type /Page` objects (not `/Pages`), with at
 * most 8 whitespace characters between the tokens. Pages hidden in compressed object streams
 * (PDF 1.5 `/ObjStm`) are invisible to this scan: such a file counts 0 pages and is refused.
 */
export class PdfScanner {
  private static readonly CARRY = 32;
  private static readonly PAGE = /\/Type\s{0,8}\/Page(?![A-Za-z])/g;
  private static readonly SIGNATURE = /\/ByteRange\s{0,8}\[/g;
  private carry = '';
  pages = 0;
  signatures = 0;

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const limit = Math.max(0, text.length - PdfScanner.CARRY);
    this.count(text, limit);
    this.carry = text.slice(limit);
  }

  /** Counts what is left in the carried-over tail. */
  finish(): void {
    this.count(this.carry, this.carry.length);
    this.carry = '';
  }

  private count(text: string, startsBefore: number): void {
    this.pages += countStarts(PdfScanner.PAGE, text, startsBefore);
    this.signatures += countStarts(PdfScanner.SIGNATURE, text, startsBefore);
  }
}

function countStarts(pattern: RegExp, text: string, startsBefore: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index < startsBefore) count += 1;
  }
  return count;
}
