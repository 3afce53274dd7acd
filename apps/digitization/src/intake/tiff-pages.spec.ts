import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTiff } from '../../test/support/sample-files';
import { tiffPages } from './tiff-pages';

const dir = mkdtempSync(join(tmpdir(), 'tiff-'));

async function summarise(file: Buffer, maxPages = 5) {
  const path = join(dir, `${Math.random()}.tif`);
  writeFileSync(path, file);
  const handle = await open(path, 'r');
  try {
    return await tiffPages(handle, file.length, maxPages);
  } finally {
    await handle.close();
  }
}

describe('tiffPages', () => {
  it('counts one page per image file directory and reads the first dimensions', async () => {
    expect(await summarise(sampleTiff(3, 640, 480))).toEqual({
      pages: 3,
      first: { width: 640, height: 480 },
    });
  });

  it('stops past the page cap', async () => {
    expect(await summarise(sampleTiff(6), 5)).toEqual({ error: 'too-many-pages' });
  });

  it('reports a directory beyond the end as truncated, and a loop as malformed', async () => {
    const file = sampleTiff(2);
    expect(await summarise(file.subarray(0, file.length - 10))).toEqual({ error: 'truncated' });
    const loop = sampleTiff(1);
    loop.writeUInt32LE(8, 8 + 2 + 24);
    expect(await summarise(loop)).toEqual({ error: 'malformed' });
  });
});
