// The seed lives in tools/ (run against a stack); it is tested here against a real service.
/* eslint-disable @nx/enforce-module-boundaries */
import { testEnv } from '@motcua/testing';
import { DEMO_PROCEDURES } from '../../../tools/seed/catalog/demo-procedures';
import { seedDossiers } from '../../../tools/seed/dossiers/dossiers.seed';
import { SeedClient } from '../../../tools/seed/seed-client';
/* eslint-enable @nx/enforce-module-boundaries */
import { DossiersHarness } from './support/dossiers-harness';

/** The demo seed goes through HTTP, spreads statuses, and is idempotent. */
describe('seedDossiers', () => {
  const h = new DossiersHarness();

  beforeAll(async () => {
    await h.start(4308);
    for (const [index, { procedure, decision }] of DEMO_PROCEDURES.entries()) {
      const record = {
        ...procedure,
        procedureId: `00000000-0000-4000-8000-00000000000${index}`,
        version: 1,
        decision,
      };
      await h.db.query(
        `INSERT INTO procedure_copy (code, version, record, effective_from) VALUES ($1, 1, $2, $3) ON CONFLICT DO NOTHING`,
        [procedure.code, record, decision.effectiveFrom],
      );
    }
  });
  afterAll(() => h.stop());

  it('creates demo dossiers in various statuses, and a second run adds nothing', async () => {
    const client = new SeedClient({ dossiers: h.service.url }, testEnv.authIssuer());
    const first = await seedDossiers(client, undefined, 40);
    expect(first.created + first.existing).toBe(40);
    const second = await seedDossiers(client, undefined, 40);
    expect(second).toEqual({ created: 0, existing: 40, actions: 0 });
    const { rows } = await h.db.query(
      `SELECT DISTINCT d.status FROM dossier d JOIN intake_idempotency_key k ON k.dossier_id = d.id WHERE k.key LIKE 'demo-dossier-%'`,
    );
    expect(rows.map((r) => r.status).sort()).toEqual([
      'intake_supplement',
      'not_received',
      'processed',
      'processing',
      'received',
      'refused',
      'result_returned',
      'stopped',
      'supplement_requested',
      'withdrawn',
    ]);
  });
});
