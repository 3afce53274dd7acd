import { open, readFile, rm } from 'node:fs/promises';
import type { X509Certificate } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DIGITIZATION_CONFIG, type DigitizationConfig } from '../config';
import { DigitizationDatabase } from '../digitization.database';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';
import { FileInspector, type Inspection } from './file-inspector';
import { FileRejected } from './intake.errors';
import { intakeLimitsOf, type IntakeLimits } from './intake-limits';
import { essenceOf, isMediaType, type FileKind, type MediaType } from './media-types';
import { tiffPages } from './tiff-pages';
import type { VerifiedSignature } from '../signatures/pdf-signature.verifier';
import { loadTrustAnchors } from '../signatures/trust-anchors';
import { StoredFileRepository } from '../storage/stored-file.repository';

/** `signatures`: what was verified of a signed PDF (signer, signing time, validity), absent for other files. */
export type StoredFileView = Inspection & {
  mediaType: MediaType;
  alreadyStored: boolean;
  signatures?: VerifiedSignature[];
};

/**
 * File intake: stream to a temp file while hashing and inspecting, validate, then move it to its
 * content address. A refused file leaves nothing behind (the temp file is deleted).
 */
@Injectable()
export class IntakeService {
  private readonly limits: IntakeLimits;
  private readonly trustAnchors: X509Certificate[];

  constructor(
    @Inject(DIGITIZATION_CONFIG) config: DigitizationConfig,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly db: DigitizationDatabase,
    private readonly files: StoredFileRepository,
  ) {
    this.limits = intakeLimitsOf(config);
    this.trustAnchors = loadTrustAnchors(
      config.SIGNATURE_TRUST_ANCHORS_FILE,
      config.SIGNATURE_TRUST_ANCHORS_PEM,
    );
  }

  async receive(
    source: Readable,
    input: { contentType?: string; contentLength?: string; kind: FileKind },
  ): Promise<StoredFileView> {
    try {
      return await this.store(source, input);
    } catch (error) {
      if (error instanceof FileRejected) throw error.toProblem();
      throw error;
    }
  }

  private async store(
    source: Readable,
    input: { contentType?: string; contentLength?: string; kind: FileKind },
  ) {
    const declared = essenceOf(input.contentType);
    if (!isMediaType(declared)) {
      throw new FileRejected(
        'unsupported-media-type',
        `Content-Type must be one of application/pdf, image/jpeg, image/png, image/tiff (got '${declared || 'none'}')`,
        'content-type',
      );
    }
    const inspector = new FileInspector(declared, input.kind, this.limits);
    const announced = input.contentLength === undefined ? undefined : Number(input.contentLength);
    if (announced !== undefined && announced > inspector.maxBytes) {
      throw new FileRejected(
        'file-too-large',
        `${declared} files may be at most ${inspector.maxBytes} bytes (Content-Length ${announced})`,
      );
    }
    const temp = this.storage.tempPath();
    try {
      await spool(source, temp, inspector);
      const inspection = inspector.finish();
      if (declared === 'image/tiff')
        inspection.pages = await this.inspectTiff(temp, inspection.sizeBytes, inspector);
      // A PDF claimed or detected as signed is stored only once every signature verifies (its
      // size is capped by MAX_PDF_MB, so reading it whole is bounded). The verifier and its ASN.1
      // and CMS libraries (pkijs, asn1js) load with the first signed PDF, not at start (issue 17).
      const signatures = inspection.signed
        ? (await import('../signatures/pdf-signature.verifier')).verifyPdfSignatures(
            await readFile(temp),
            this.trustAnchors,
          )
        : undefined;
      // The content is moved into place first (a row never names a missing file); the row decides
      // which of concurrent uploads of the same content stored it.
      await this.storage.publish(temp, inspection.sha256);
      const isNew = await this.files.store(this.db, {
        sha256: inspection.sha256,
        mediaType: declared,
        sizeBytes: inspection.sizeBytes,
        pages: inspection.pages,
        signed: inspection.signed,
        signatures,
      });
      return {
        ...inspection,
        mediaType: declared,
        alreadyStored: !isNew,
        ...(signatures ? { signatures } : {}),
      };
    } finally {
      await rm(temp, { force: true });
    }
  }

  private async inspectTiff(temp: string, size: number, inspector: FileInspector): Promise<number> {
    const handle = await open(temp, 'r');
    try {
      const summary = await tiffPages(handle, size, this.limits.maxPages);
      if ('error' in summary) {
        if (summary.error === 'too-many-pages') inspector.checkPages(this.limits.maxPages + 1);
        throw new FileRejected(
          summary.error === 'truncated' ? 'truncated-file' : 'malformed-file',
          `the image/tiff directory chain is ${summary.error}`,
        );
      }
      if (summary.first) inspector.checkPixels(summary.first);
      return summary.pages;
    } finally {
      await handle.close();
    }
  }
}

/**
 * Copies the request body into the temp file, feeding every chunk to the inspector first. On a
 * rejection the request is drained (not destroyed) so the problem answer still reaches the client.
 */
function spool(source: Readable, path: string, inspector: FileInspector): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx' });
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.resume();
      out.destroy();
      out.once('close', () => reject(error instanceof Error ? error : new Error(String(error))));
    };
    const onData = (chunk: Buffer) => {
      try {
        inspector.push(chunk);
      } catch (error) {
        return fail(error);
      }
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    };
    source.on('data', onData);
    // The storage refusing the temp file (unwritable, full) fails the upload with its own error.
    out.once('error', fail);
    source.once('end', () => {
      if (settled) return;
      settled = true;
      out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    source.once('close', () => {
      if (!source.readableEnded)
        fail(new FileRejected('truncated-file', 'the upload was interrupted before its end'));
    });
    source.once('error', () =>
      fail(new FileRejected('truncated-file', 'the upload was interrupted before its end')),
    );
    out.once('error', fail);
  });
}
