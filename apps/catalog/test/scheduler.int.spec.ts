import { setTimeout as sleep } from 'node:timers/promises';
import { decisionBody, randomProcedureCode } from '@motcua/testing';
import { CatalogHarness } from './catalog-harness';

/**
 * Decisions that take effect later change nothing until their date; then the scheduler
 * announces them, exactly once and in order even with two instances running.
 * Time passing is simulated by moving the stored effective dates into the past.
 */
describe('announcement scheduler', () => {
  let first: CatalogHarness;
  let second: CatalogHarness;
  const fast = { CATALOG_ANNOUNCE_INTERVAL_MS: '300' };

  beforeAll(async () => {
    [first, second] = await Promise.all([
      CatalogHarness.start(4203, fast),
      CatalogHarness.start(4204, fast),
    ]);
    await first.listen();
  });
  afterAll(() => Promise.all([first?.stop(), second?.stop()]));

  const outboxTypes = async (code: string) =>
    (
      await first.db.query<{ event_type: string }>(
        'SELECT event_type FROM outbox_event WHERE event_key = $1 ORDER BY position',
        [code],
      )
    ).rows.map((r) => r.event_type);

  it('a future decision waits for its date, then is announced once, in order', async () => {
    const code = randomProcedureCode();
    const created = await first.post<{ status: string }>(
      '/publication-decisions',
      decisionBody('new', code, { signedOn: '2026-01-05', effectiveFrom: '2099-06-01' }),
    );
    expect(created.body.status).toBe('scheduled');
    const amendment = decisionBody('amended', code, {
      signedOn: '2026-01-06',
      effectiveFrom: '2099-07-01',
    });
    amendment.procedure.name = 'Đăng ký giá (sửa đổi)';
    expect(
      (await second.post<{ status: string }>('/publication-decisions', amendment)).body.status,
    ).toBe('scheduled');

    await sleep(1000); // several scheduler passes on both instances
    expect((await first.get(`/procedures/${code}`)).status).toBe(404);
    expect(await outboxTypes(code)).toEqual([]);
    const search = await first.get<{ total: number }>(`/procedures?code=${code}`);
    expect(search.body.total).toBe(0);

    // The dates come: version 1 took effect two days ago, version 2 yesterday.
    await first.db.query(
      `UPDATE publication_decision d SET effective_from = current_date - (CASE WHEN v.version = 1 THEN 2 ELSE 1 END)
       FROM procedure_version v WHERE v.decision_id = d.id AND v.record->>'code' = $1`,
      [code],
    );
    await first.db.query(
      `UPDATE procedure_version SET effective_from = current_date - (CASE WHEN version = 1 THEN 2 ELSE 1 END) WHERE record->>'code' = $1`,
      [code],
    );

    const amended = await first.waitForEvent(code, 'motcua.procedure.amended.v1');
    expect(amended.data).toEqual(
      expect.objectContaining({ version: 2, name: 'Đăng ký giá (sửa đổi)' }),
    );
    await sleep(1000); // both instances keep running: nothing is announced twice
    expect(await outboxTypes(code)).toEqual([
      'motcua.procedure.published.v1',
      'motcua.procedure.amended.v1',
    ]);
    expect(first.eventsOf(code).map((e) => e.type)).toEqual([
      'motcua.procedure.published.v1',
      'motcua.procedure.amended.v1',
    ]);
    const current = await second.get<{ version: number }>(`/procedures/${code}`);
    expect(current.body.version).toBe(2);
    const history = await first.get<{ versions: { announcedAt: string | null }[] }>(
      `/procedures/${code}/versions`,
    );
    expect(history.body.versions.every((v) => v.announcedAt !== null)).toBe(true);
  });
});
