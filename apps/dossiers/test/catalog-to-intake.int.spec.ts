import { mintTestToken, startService, waitFor, type RunningService } from '@motcua/testing';
import { DossiersHarness, intakeBody, testProcedure } from './support/dossiers-harness';

/** A procedure published in the catalog reaches the local copy over Kafka; intake then uses only that copy. */
describe('catalog → procedure copy → intake', () => {
  const h = new DossiersHarness();
  let catalog: RunningService;

  beforeAll(async () => {
    [catalog] = await Promise.all([startService('catalog', 4306), h.start(4307)]);
  });
  afterAll(async () => {
    await catalog?.stop();
    await h.stop();
  });

  it('receives a dossier for a procedure the catalog published', async () => {
    const {
      procedureId: _id,
      version: _v,
      decision,
      ...procedure
    } = testProcedure({ agencyCode: '000.00.15.H26' });
    const token = await mintTestToken({ subject: 'admin-1', roles: ['admin'] });
    const published = await fetch(`${catalog.url}/publication-decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ decision, procedure }),
    });
    expect(published.status).toBe(201);
    await waitFor(
      'the procedure copy',
      async () => {
        const { rows } = await h.db.query(`SELECT 1 FROM procedure_copy WHERE code = $1`, [
          procedure.code,
        ]);
        return rows[0];
      },
      30000,
    );
    const response = await h.intake(intakeBody({ ...testProcedure(), code: procedure.code }));
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('received');
    expect(response.body.dossier.code.startsWith('000.00.15.H26-')).toBe(true);
    expect(response.body.dossier.procedure).toEqual({ code: procedure.code, version: 1 });
  });
});
