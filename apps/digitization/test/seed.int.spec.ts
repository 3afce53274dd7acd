/* eslint-disable @nx/enforce-module-boundaries -- the seed is a script under tools/ (not an Nx project); this test runs it against a real digitization service. */
import { testEnv } from '@motcua/testing';
import { SeedClient } from '../../../tools/seed/seed-client';
import { seedDigitization } from '../../../tools/seed/digitization/digitization.seed';
import { DigitizationHarness } from './digitization-harness';

describe('demo digitization seed', () => {
  let harness: DigitizationHarness;

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4503);
  });
  afterAll(() => harness?.stop());

  it('digitizes a demo form and an electronic result through HTTP, and a second run adds nothing', async () => {
    const client = new SeedClient({ digitization: harness.service.url }, testEnv.authIssuer());
    const first = await seedDigitization(client);
    const second = await seedDigitization(client);
    expect(second.results).toBe('existing');
    expect(['created', 'existing']).toContain(first.results);
    const { rows } = await harness.db.query(
      "SELECT r.electronic, f.signed, f.pages FROM digitized_result r JOIN stored_file f ON f.sha256 = r.file_sha256 WHERE r.number = '0001/GCN-DEMO'",
    );
    expect(rows).toEqual([{ electronic: true, signed: true, pages: 1 }]);
    const documents = await harness.db.query(
      "SELECT count(*)::int AS n FROM digitized_document WHERE dossier_code = '000.00.15.H26-260105-9999' AND document_code = 'BDKG'",
    );
    expect(documents.rows[0].n).toBe(1);
  });

  it('refuses to start with STORAGE_DRIVER=s3 and no S3 settings (exit 78, naming the variables)', async () => {
    await expect(DigitizationHarness.start(4504, { STORAGE_DRIVER: 's3' })).rejects.toThrow(
      /exited with 78[\s\S]*S3_ENDPOINT is required when STORAGE_DRIVER=s3/,
    );
  });
});
