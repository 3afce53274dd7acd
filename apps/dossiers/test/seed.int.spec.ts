// The seed lives in tools/ (run against a stack); it is tested here against a real service.
/* eslint-disable @nx/enforce-module-boundaries */
import { testEnv } from '@motcua/testing';
import { DEMO_INTER_AGENCY_PROCEDURES } from '../../../tools/seed/catalog/demo-inter-agency';
import { DEMO_PROCEDURES } from '../../../tools/seed/catalog/demo-procedures';
import { demoInterAgencyDossiers } from '../../../tools/seed/dossiers/demo-inter-agency-dossiers';
import { seedDossiers } from '../../../tools/seed/dossiers/dossiers.seed';
import { SeedClient } from '../../../tools/seed/seed-client';
/* eslint-enable @nx/enforce-module-boundaries */
import { DossiersHarness } from './support/dossiers-harness';

/** The demo seed goes through HTTP, spreads statuses, and is idempotent. */
describe('seedDossiers', () => {
  const h = new DossiersHarness();

  beforeAll(async () => {
    await h.start(4308);
    const all = [...DEMO_PROCEDURES, ...DEMO_INTER_AGENCY_PROCEDURES];
    for (const [index, { procedure, decision }] of all.entries()) {
      const record = {
        ...procedure,
        procedureId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
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
    const total = 40 + demoInterAgencyDossiers().length;
    const first = await seedDossiers(client, undefined, 40);
    expect(first.created + first.existing).toBe(total);
    const second = await seedDossiers(client, undefined, 40);
    expect(second).toEqual({ created: 0, existing: total, actions: 0 });
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
    // 49 dossiers and about 180 actions over HTTP on a shared 2-core machine: more than the default 60 s.
  }, 240_000);

  it('leaves the inter-agency demo dossiers at every point of their chains (một cửa liên thông)', async () => {
    const { rows } = await h.db.query(
      `SELECT k.key, d.status,
              string_agg(s.agency_code || ':' || s.status, ' ' ORDER BY s."order", s.agency_code) AS stages
       FROM dossier d JOIN intake_idempotency_key k ON k.dossier_id = d.id
       JOIN dossier_stage s ON s.dossier_id = d.id
       WHERE k.key LIKE 'demo-inter-agency-%' GROUP BY k.key, d.status ORDER BY k.key`,
    );
    const F = '000.00.15.H26';
    const NN = '000.00.13.H26';
    const XD = '000.00.17.H26';
    const TAX = '000.26.00.G12';
    expect(rows.map((r) => [r.key, r.status, r.stages])).toEqual([
      ['demo-inter-agency-01-transferred', 'processing', `${F}:transferred ${NN}:waiting`],
      ['demo-inter-agency-02-accepted', 'processing', `${F}:accepted ${NN}:waiting`],
      ['demo-inter-agency-03-handed-back', 'processing', `${F}:handed_back ${NN}:waiting`],
      ['demo-inter-agency-04-returned', 'result_returned', `${F}:handed_back ${NN}:handed_back`],
      [
        'demo-inter-agency-05-parallel-running',
        'processing',
        `${F}:handed_back ${NN}:accepted ${XD}:accepted ${F}:waiting`,
      ],
      [
        'demo-inter-agency-06-parallel-one-handed-back',
        'processing',
        `${F}:handed_back ${NN}:accepted ${XD}:handed_back ${F}:waiting`,
      ],
      [
        'demo-inter-agency-07-returned',
        'result_returned',
        `${F}:handed_back ${NN}:handed_back ${XD}:handed_back ${F}:handed_back`,
      ],
      [
        'demo-inter-agency-08-at-the-tax-office',
        'processing',
        `${F}:handed_back ${TAX}:accepted ${F}:waiting`,
      ],
      [
        'demo-inter-agency-09-returned',
        'result_returned',
        `${F}:handed_back ${TAX}:handed_back ${F}:handed_back`,
      ],
    ]);
  });
});
