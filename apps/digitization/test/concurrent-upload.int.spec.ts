import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { samplePdf } from './support/sample-files';
import { DigitizationHarness, filesUnder } from './digitization-harness';

/**
 * The same new file uploaded many times at once (a desk double-clicking, a client retrying on a
 * slow link): every upload succeeds, exactly one of them stores it, the others are told it was
 * already stored, and the store holds one file and one row for it.
 */
describe('concurrent uploads of the same new file', () => {
  let harness: DigitizationHarness;

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4531);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('16 at once: all 201, one stores it, one file and one row', async () => {
    const file = samplePdf({ marker: `concurrent-${Date.now()}` });
    const sha256 = createHash('sha256').update(file).digest('hex');
    const before = filesUnder(harness.storageDir).length;

    const replies = await Promise.all(
      Array.from({ length: 16 }, () =>
        harness.upload<{ sha256: string; alreadyStored: boolean }>(file, 'application/pdf'),
      ),
    );

    expect(replies.map((reply) => reply.status)).toEqual(Array(16).fill(201));
    expect(replies.every((reply) => reply.body.sha256 === sha256)).toBe(true);
    expect(replies.filter((reply) => !reply.body.alreadyStored)).toHaveLength(1);
    expect(filesUnder(harness.storageDir)).toHaveLength(before + 1);
    expect(readdirSync(join(harness.storageDir, '.incoming'))).toEqual([]);
    const { rows } = await harness.db.query(
      'SELECT count(*)::int AS n FROM stored_file WHERE sha256 = $1',
      [sha256],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });
});
