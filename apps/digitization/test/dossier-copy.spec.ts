import { dossierProcessed, dossierReceived } from '@motcua/contracts';
import { waitFor } from '@motcua/testing';
import { DigitizationHarness } from './digitization-harness';
import { dossierFacts, newApplicantKey, processed, received, testAgency } from './dossier-fixtures';

/** The copy of a dossier that the events build (handling units, dates, documents), through the real topic. */
describe('dossier copy from dossier events', () => {
  let harness: DigitizationHarness;

  beforeAll(async () => {
    harness = await DigitizationHarness.start(4509);
    await harness.listen();
  });
  afterAll(() => harness?.stop());

  it('keeps units in first-seen order without repeats, keeps receipt facts and adds the processed ones', async () => {
    const facts = dossierFacts(testAgency(), newApplicantKey());
    await harness.publish(dossierReceived, received(facts, ['BDKG', 'GPKD']));
    await harness.publish(dossierProcessed, processed(facts));
    const row = await waitFor('the processed copy', async () => {
      const { rows } = await harness.db.query(
        `SELECT handling_units, received_at, processed_at, electronic_result, documents, portal_status FROM dossier_copy WHERE dossier_id = $1`,
        [facts.dossierId],
      );
      return rows[0]?.processed_at ? rows[0] : undefined;
    });
    expect(row.handling_units).toEqual(['VP.MC', 'P.QLG']);
    expect(row.received_at.toISOString()).toBe(new Date(facts.receivedAt).toISOString());
    expect(row.electronic_result).toBe(true);
    expect(row.portal_status).toBe(9);
    expect(row.documents.map((d: { code: string }) => d.code)).toEqual(['BDKG', 'GPKD']);
  });
});
