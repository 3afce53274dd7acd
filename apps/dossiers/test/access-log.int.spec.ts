import { randomUUID } from 'node:crypto';
import { waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** The access log of personal data: every read and export appended, read by the auditor, kept by retention. */
describe('personal data access log', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;

  beforeAll(async () => {
    await h.start(4319);
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(() => h.stop());

  it('records who read and exported a dossier, when, from where and by which route; the auditor reads it', async () => {
    const id: string = (await h.intake(intakeBody(procedure))).body.dossier.id;
    const reader = `officer-${randomUUID()}`;
    expect(
      (await h.request('GET', `/dossiers/${id}`, { role: 'leader', subject: reader })).status,
    ).toBe(200);
    expect(
      (await h.download(`/dossiers/${id}/slips/receipt`, { role: 'desk_officer' })).status,
    ).toBe(200);
    expect(
      (
        await h.request('GET', `/dossiers/${id}`, {
          role: 'leader',
          subject: `${reader}-elsewhere`,
          agency: '000.00.99.H99',
        })
      ).status,
    ).toBe(404);
    const year = new Date().getFullYear();
    expect(
      (
        await h.download(`/tracking-book?agencyCode=${procedure.agencyCode}&year=${year}`, {
          role: 'leader',
        })
      ).status,
    ).toBe(200);

    const log = await h.request('GET', `/access-log?objectId=${id}`, { role: 'auditor' });
    expect(log.status).toBe(200);
    const rows = log.body.items.map((r: Record<string, unknown>) => ({
      actor: r.actorSubject,
      kind: r.objectKind,
      route: r.route,
      agency: r.actorAgency,
    }));
    expect(rows).toEqual([
      {
        actor: 'desk_officer-1',
        kind: 'dossier',
        route: 'GET /dossiers/:id/slips/:kind',
        agency: procedure.agencyCode,
      },
      { actor: reader, kind: 'dossier', route: 'GET /dossiers/:id', agency: procedure.agencyCode },
    ]);
    expect(
      log.body.items.every(
        (r: { ip: string | null; occurredAt: string }) =>
          r.ip && !Number.isNaN(Date.parse(r.occurredAt)),
      ),
    ).toBe(true);
    // A streamed export is logged once it is sent, a moment after the client has it.
    const book = await waitFor(
      'the tracking book in the access log',
      async () => {
        const answer = await h.request(
          'GET',
          `/access-log?objectId=${procedure.agencyCode}/${year}`,
          { role: 'auditor' },
        );
        return answer.body.items.length > 0 ? answer.body.items : undefined;
      },
      10000,
    );
    expect(book).toEqual([
      expect.objectContaining({ objectKind: 'tracking-book', route: 'GET /tracking-book' }),
    ]);

    expect((await h.request('GET', '/access-log', { role: 'leader' })).status).toBe(403);
    expect((await h.request('GET', '/access-log?from=yesterday', { role: 'auditor' })).status).toBe(
      400,
    );
  });

  it('is append-only, and the retention purge deletes only rows older than the retention', async () => {
    await expect(h.db.query(`UPDATE personal_data_access SET actor_subject = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(h.db.query(`DELETE FROM personal_data_access`)).rejects.toThrow(/append-only/);
    const old = `old-${randomUUID()}`;
    const recent = `recent-${randomUUID()}`;
    await h.db.query(
      `INSERT INTO personal_data_access (occurred_at, actor_subject, actor_roles, object_kind, object_id, route)
       VALUES (now() - interval '800 days', $1, '{leader}', 'dossier', 'x', 'GET /dossiers/:id'), (now() - interval '10 days', $2, '{leader}', 'dossier', 'x', 'GET /dossiers/:id')`,
      [old, recent],
    );
    const { rows } = await h.db.query(`SELECT purge_personal_data_access(730) AS purged`);
    expect(rows[0].purged).toBeGreaterThanOrEqual(1);
    const left = await h.db.query(
      `SELECT actor_subject FROM personal_data_access WHERE actor_subject = ANY($1)`,
      [[old, recent]],
    );
    expect(left.rows.map((r) => r.actor_subject)).toEqual([recent]);
    await expect(h.db.query(`DELETE FROM personal_data_access`)).rejects.toThrow(/append-only/);
  });
});
