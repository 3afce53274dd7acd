import { Pool } from 'pg';
import {
  buildEvent,
  dossierProcessed,
  dossierReceived,
  dossierWithdrawn,
  type CloudEvent,
  type DossierFacts,
} from '@motcua/contracts';
import { PgSqlDatabase } from '@motcua/messaging';
import { testEnv, waitFor } from '@motcua/testing';
import { copyChangeOf } from '../src/dossier-copy/dossier-copy.handlers';
import { DossierCopyRepository } from '../src/dossier-copy/dossier-copy.repository';
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

  it('applies a run of events together, in order, even when one dossier comes back within the run', async () => {
    const a = dossierFacts(testAgency(), newApplicantKey());
    const b = dossierFacts(testAgency(), newApplicantKey());
    const ctx = { correlationId: 'dossier-copy-run' };
    const run = [
      buildEvent(dossierReceived, received(a, ['BDKG']), ctx).event,
      buildEvent(dossierReceived, received(b, ['BDKG', 'GPKD']), ctx).event,
      buildEvent(dossierProcessed, processed(a), ctx).event, // a again: a second statement
      buildEvent(dossierWithdrawn, { ...dossierWithdrawn.example, ...b, portalStatus: 7 }, ctx)
        .event,
    ] as CloudEvent<DossierFacts & Record<string, unknown>>[];
    const pool = new Pool({ connectionString: testEnv.databaseUrl('digitization'), max: 1 });
    try {
      await new PgSqlDatabase(pool).$transaction((tx) =>
        new DossierCopyRepository().applyMany(
          tx,
          run.map((event) => ({ facts: event.data, change: copyChangeOf(event) })),
        ),
      );
    } finally {
      await pool.end();
    }
    const { rows } = await harness.db.query(
      `SELECT dossier_id, handling_units, processed_at, electronic_result, documents, portal_status FROM dossier_copy
       WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id = $2 DESC`,
      [[a.dossierId, b.dossierId], a.dossierId],
    );
    const [copyA, copyB] = rows;
    expect(copyA.processed_at).not.toBeNull();
    expect(copyA.electronic_result).toBe(true);
    expect(copyA.handling_units).toEqual(['VP.MC', 'P.QLG']);
    expect(copyA.documents.map((d: { code: string }) => d.code)).toEqual(['BDKG']);
    expect(copyB.portal_status).toBe(7);
    expect(copyB.processed_at).toBeNull();
    // the withdrawal states no documents: the received ones stay
    expect(copyB.documents.map((d: { code: string }) => d.code)).toEqual(['BDKG', 'GPKD']);
  });
});
