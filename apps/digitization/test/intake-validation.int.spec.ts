import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from './support/sample-files';
import { DigitizationHarness, filesUnder, type Problem } from './digitization-harness';

/**
 * Every bad input gets a 4xx naming the rule, nothing is stored for it, and what was stored
 * before stays intact. Caps are lowered through the environment so the tests stay small.
 */
describe('file intake validation (black box)', () => {
  let harness: DigitizationHarness;
  let stored: string[];
  const good = samplePdf({ marker: `validation-${Date.now()}` });
  const goodSha = createHash('sha256').update(good).digest('hex');

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4501, {
      MAX_IMAGE_MB: '1',
      MAX_PAGES: '3',
      MAX_IMAGE_PIXELS: '1000000',
    });
    const first = await harness.upload<{ sha256: string }>(good, 'application/pdf');
    expect(first.status).toBe(201);
    stored = filesUnder(harness.storageDir);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    // Nothing new in the store, no temp file left, the earlier file untouched.
    expect(filesUnder(harness.storageDir).sort()).toEqual([...stored].sort());
    expect(readdirSync(join(harness.storageDir, '.incoming'))).toEqual([]);
    expect(
      existsSync(join(harness.storageDir, goodSha.slice(0, 2), goodSha.slice(2, 4), goodSha)),
    ).toBe(true);
  });

  async function refused(file: Buffer, contentType: string, query = '') {
    const reply = await harness.upload<Problem>(file, contentType, query);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    return reply;
  }

  it('stores a good file once, content-addressed, and answers its SHA-256, pages and type', async () => {
    const again = await harness.upload<{
      sha256: string;
      pages: number;
      alreadyStored: boolean;
      mediaType: string;
    }>(good, 'application/pdf');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      sha256: goodSha,
      pages: 1,
      alreadyStored: true,
      mediaType: 'application/pdf',
    });
    const { rows } = await harness.db.query(
      'SELECT size_bytes, pages FROM stored_file WHERE sha256 = $1',
      [goodSha],
    );
    expect(rows[0]).toEqual({ size_bytes: good.length, pages: 1 });
  });

  it('wrong type: a PNG declared as PDF, and an undeclared type', async () => {
    const mismatch = await refused(samplePng(), 'application/pdf');
    expect(mismatch.status).toBe(415);
    expect(mismatch.body.errors).toEqual([
      expect.objectContaining({ field: 'content-type', rule: 'content-type-mismatch' }),
    ]);
    const unsupported = await refused(Buffer.from('<html></html>'), 'text/html');
    expect(unsupported.status).toBe(415);
    expect(unsupported.body.type).toContain('unsupported-media-type');
  });

  it('oversized: over the per-type cap (1 MiB for images), announced by Content-Length', async () => {
    const big = Buffer.concat([samplePng(), Buffer.alloc(1024 * 1024 + 10)]);
    const reply = await refused(big, 'image/png');
    expect(reply.status).toBe(413);
    expect(reply.body.type).toContain('file-too-large');
  });

  it('oversized without Content-Length: a chunked stream is cut off at the cap and answered 413', async () => {
    const head = samplePng();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
        for (let i = 0; i < 20; i += 1) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const response = await fetch(`${harness.service.url}/files`, {
      method: 'POST',
      headers: {
        'content-type': 'image/png',
        ...(await harness.headers({ role: 'desk_officer', unit: 'VP.MC' })),
      },
      body,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Problem).type).toContain('file-too-large');
  });

  it('truncated: a PDF cut before %%EOF and a PNG cut before IEND', async () => {
    const pdf = samplePdf({ marker: 'truncated' });
    const cut = await refused(pdf.subarray(0, pdf.length - 10), 'application/pdf');
    expect(cut.status).toBe(400);
    expect(cut.body.type).toContain('truncated-file');
    const png = samplePng();
    expect((await refused(png.subarray(0, png.length - 6), 'image/png')).body.type).toContain(
      'truncated-file',
    );
  });

  it('zero-byte', async () => {
    const reply = await refused(Buffer.alloc(0), 'image/jpeg');
    expect(reply.status).toBe(400);
    expect(reply.body.type).toContain('empty-file');
  });

  it('decompression bomb: PNG IHDR 40000×40000 against a 1 Mpx cap, JPEG SOF likewise, TIFF IFD likewise', async () => {
    const png = await refused(samplePng(40_000, 40_000), 'image/png');
    expect(png.status).toBe(422);
    expect(png.body.type).toContain('image-too-large');
    expect(png.body.detail).toContain('40000×40000');
    expect((await refused(sampleJpeg(2000, 2000), 'image/jpeg')).body.type).toContain(
      'image-too-large',
    );
    expect((await refused(sampleTiff(1, 5000, 5000), 'image/tiff')).body.type).toContain(
      'image-too-large',
    );
  });

  it('too many pages: a 4-page PDF and a 4-page TIFF against a cap of 3', async () => {
    expect((await refused(samplePdf({ pages: 4 }), 'application/pdf')).status).toBe(422);
    expect((await refused(sampleTiff(4), 'image/tiff')).body.type).toContain('too-many-pages');
  });

  it('signed-pdf without a signature dictionary', async () => {
    const reply = await refused(
      samplePdf({ marker: 'unsigned' }),
      'application/pdf',
      '?kind=signed-pdf',
    );
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.[0]).toMatchObject({ field: 'kind', rule: 'signature-missing' });
  });

  it('path-like filename on a document record: 400 naming the field, no record', async () => {
    const reply = await harness.json<Problem>('POST', '/documents', {
      dossierId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
      dossierCode: '000.00.15.H26-261130-0042',
      applicantKey: 'a'.repeat(64),
      documentCode: 'BDKG',
      fileSha256: goodSha,
      filename: '../../etc/passwd',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'filename',
          message: 'must be a file name, not a path (no / or \\)',
        }),
      ]),
    );
    expect(reply.body.errors?.every((error) => error.field === 'filename')).toBe(true);
    const { rows } = await harness.db.query(
      "SELECT 1 FROM digitized_document WHERE dossier_code = '000.00.15.H26-261130-0042'",
    );
    expect(rows).toHaveLength(0);
  });

  it('an upload interrupted by the client leaves no temp file and no record', async () => {
    const headers = {
      'content-type': 'application/pdf',
      'content-length': '100000',
      ...(await harness.headers({ role: 'desk_officer', unit: 'VP.MC' })),
    };
    const url = new URL(`${harness.service.url}/files`);
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers,
      });
      request.on('error', () => resolve());
      request.write(samplePdf({ marker: 'interrupted' }).subarray(0, 60));
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 200);
    });
    // afterEach checks the store and .incoming once the service has noticed the closed socket
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { rows } = await harness.db.query(
      'SELECT count(*)::int AS n FROM stored_file WHERE sha256 = $1',
      [
        createHash('sha256')
          .update(samplePdf({ marker: 'interrupted' }))
          .digest('hex'),
      ],
    );
    expect(rows[0].n).toBe(0);
  });

  it('describes the intake in its OpenAPI document', async () => {
    const document = (await (await fetch(`${harness.service.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/files',
        '/documents',
        '/results',
        '/public/result-downloads',
        '/rates',
        '/dossiers/{dossierId}/reuses',
      ]),
    );
  });

  it('refuses uploads without a token, and from a citizen', async () => {
    const anonymous = await fetch(`${harness.service.url}/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: good,
    });
    expect(anonymous.status).toBe(401);
    const citizen = await harness.upload(good, 'application/pdf', '', { role: 'citizen' });
    expect(citizen.status).toBe(403);
  });
});
