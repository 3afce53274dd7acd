import { createHash, type Hash } from 'node:crypto';
import { FileRejected } from './intake.errors';
import { TAIL_LENGTH, isComplete } from './file-endings';
import { exceedsPixels, jpegDimensions, pngDimensions, type Dimensions } from './image-dimensions';
import type { IntakeLimits } from './intake-limits';
import { MAGIC_LENGTH, sniffMediaType, type FileKind, type MediaType } from './media-types';
import { PdfScanner } from './pdf-scanner';

const HEAD_LENGTH = 256 * 1024;

export type Inspection = { sha256: string; sizeBytes: number; pages: number; signed: boolean };

/**
 * Looks at a file while it streams in, chunk by chunk, and throws FileRejected as soon as a
 * rule is broken: magic bytes first, then (PNG, JPEG) the image dimensions against the pixel
 * cap before anything else is read, the size cap on every chunk, and the PDF page cap. It keeps
 * only the first 256 KiB and the last 1 KiB in memory, never the whole file.
 */
export class FileInspector {
  private readonly hash: Hash = createHash('sha256');
  private readonly pdf?: PdfScanner;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private size = 0;
  private sniffed = false;
  private dimensionsChecked: boolean;

  constructor(
    private readonly declared: MediaType,
    private readonly kind: FileKind,
    private readonly limits: IntakeLimits,
  ) {
    if (kind === 'signed-pdf' && declared !== 'application/pdf') {
      throw new FileRejected(
        'content-type-mismatch',
        'a signed-pdf must be sent as application/pdf',
        'kind',
      );
    }
    if (declared === 'application/pdf') this.pdf = new PdfScanner();
    this.dimensionsChecked = declared !== 'image/png' && declared !== 'image/jpeg';
  }

  get maxBytes(): number {
    return this.limits.maxBytes[this.declared];
  }

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      throw new FileRejected(
        'file-too-large',
        `${this.declared} files may be at most ${this.maxBytes} bytes`,
      );
    }
    if (this.head.length < HEAD_LENGTH) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_LENGTH - this.head.length)]);
      this.checkHead();
    }
    this.hash.update(chunk);
    this.tail = Buffer.concat([this.tail, chunk]).subarray(-TAIL_LENGTH);
    if (this.pdf) {
      this.pdf.push(chunk);
      this.checkPages(this.pdf.pages);
    }
  }

  /** After the last chunk: emptiness, truncation, pages and signature. TIFF pages come from tiff-pages.ts. */
  finish(): Inspection {
    if (this.size === 0) throw new FileRejected('empty-file', 'the file is empty (0 bytes)');
    if (!this.sniffed)
      throw new FileRejected('truncated-file', 'the file is too short to be identified');
    if (!this.dimensionsChecked) {
      throw new FileRejected(
        'truncated-file',
        `the ${this.declared} header ends before the image dimensions`,
      );
    }
    if (!isComplete(this.declared, this.tail)) {
      throw new FileRejected(
        'truncated-file',
        `the ${this.declared} file is truncated (its end marker is missing)`,
      );
    }
    let pages = 1;
    let signed = false;
    if (this.pdf) {
      this.pdf.finish();
      this.checkPages(this.pdf.pages);
      if (this.pdf.pages === 0) {
        throw new FileRejected(
          'malformed-file',
          'no /Type /Page object found (pages in compressed object streams are not counted)',
        );
      }
      pages = this.pdf.pages;
      signed = this.pdf.signatures > 0;
    }
    if (this.kind === 'signed-pdf' && !signed) {
      throw new FileRejected(
        'signature-missing',
        'a signed-pdf must carry a signature dictionary (/ByteRange)',
        'kind',
      );
    }
    return { sha256: this.hash.digest('hex'), sizeBytes: this.size, pages, signed };
  }

  private checkHead(): void {
    if (!this.sniffed && this.head.length >= MAGIC_LENGTH) {
      const actual = sniffMediaType(this.head);
      if (actual !== this.declared) {
        const found = actual ?? 'no known type';
        throw new FileRejected(
          'content-type-mismatch',
          `declared ${this.declared} but the content is ${found}`,
          'content-type',
        );
      }
      this.sniffed = true;
    }
    if (this.sniffed && !this.dimensionsChecked) {
      const read =
        this.declared === 'image/png' ? pngDimensions(this.head) : jpegDimensions(this.head);
      if (read === 'need-more' && this.head.length < HEAD_LENGTH) return;
      if (read === 'need-more' || read === 'malformed') {
        throw new FileRejected('malformed-file', `the ${this.declared} header is malformed`);
      }
      this.checkPixels(read);
      this.dimensionsChecked = true;
    }
  }

  checkPixels(dimensions: Dimensions): void {
    if (dimensions.width === 0 || dimensions.height === 0) {
      throw new FileRejected('malformed-file', 'the image has a zero width or height');
    }
    if (exceedsPixels(dimensions, this.limits.maxPixels)) {
      throw new FileRejected(
        'image-too-large',
        `${dimensions.width}×${dimensions.height} pixels exceed the cap of ${this.limits.maxPixels} (decompression bomb guard)`,
      );
    }
  }

  checkPages(pages: number): void {
    if (pages > this.limits.maxPages) {
      throw new FileRejected('too-many-pages', `more than ${this.limits.maxPages} pages`);
    }
  }
}
