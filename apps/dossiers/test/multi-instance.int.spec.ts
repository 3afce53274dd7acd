import { waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** Two instances of the service: dossier codes under concurrency, Idempotency-Key replays, the deadline watch. */
describe('several instances: codes, idempotent intake, deadline watch', () => {
  const a = new DossiersHarness();
  const b = new DossiersHarness();
  let procedure: TestProcedure;

  beforeAll(async () => {
    const watch = { DEADLINE_WATCH_INTERVAL_MS: '200' };
    await Promise.all([a.start(4302, watch), b.start(4303, watch)]);
    procedure = await a.addProcedure(testProcedure());
    b.agency = procedure.agencyCode;
  });
  afterAll(() => Promise.all([a.stop(), b.stop()]));

  it('gives 50 concurrent intakes on two instances distinct, contiguous daily sequence numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).intake(intakeBody(procedure))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const codes: string[] = responses.map((r) => r.body.dossier.code);
    expect(new Set(codes).size).toBe(50);
    const sequences = codes.map((code) => Number(code.slice(-4))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const prefix = codes[0].slice(0, -4);
    expect(codes.every((code) => code.startsWith(prefix))).toBe(true);
  });

  it('returns the same dossier for a retried request with the same Idempotency-Key, even concurrently', async () => {
    const key = `retry-${Date.now()}-${Math.random()}`;
    const body = intakeBody(procedure);
    const [first, ...others] = await Promise.all([
      a.intake(body, { key }),
      b.intake(body, { key }),
      a.intake(body, { key }),
      b.intake(body, { key }),
    ]);
    const all = [first, ...others];
    expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const ids = new Set(all.map((r) => r.body.dossier.id));
    expect(ids.size).toBe(1);
    expect(all.filter((r) => r.body.replayed === false)).toHaveLength(1);
    const [id] = [...ids];
    const { rows } = await a.db.query(
      `SELECT count(*) FROM dossier_action_log WHERE dossier_id = $1`,
      [id],
    );
    expect(Number(rows[0].count)).toBe(1);
    const later = await b.intake(body, { key });
    expect(later.body.dossier.id).toBe(id);
    expect(later.body.replayed).toBe(true);
  });

  it('keeps keys per caller: another caller with the same key gets its own dossier', async () => {
    const key = `shared-${Date.now()}`;
    const mine = await a.intake(intakeBody(procedure), { key, subject: 'desk-a' });
    const theirs = await a.intake(intakeBody(procedure), { key, subject: 'desk-b' });
    expect(mine.body.dossier.id).not.toBe(theirs.body.dossier.id);
  });

  it('answers 422 naming the header when the same key comes with a different body', async () => {
    const key = `changed-${Date.now()}`;
    expect((await a.intake(intakeBody(procedure), { key })).status).toBe(201);
    const changed = await a.intake(intakeBody(procedure, { documents: [{ code: 'PAG' }] }), {
      key,
    });
    expect(changed.status).toBe(422);
    expect(changed.contentType).toContain('application/problem+json');
    expect(changed.body.errors[0]).toMatchObject({
      field: 'header.Idempotency-Key',
      rule: 'same-request',
    });
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const response = await a.intake(intakeBody(procedure), { key: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.Idempotency-Key');
  });

  it('announces an overdue dossier once, although both instances keep watching', async () => {
    const receivedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const { dossier } = (await a.intake(intakeBody(procedure, { receivedAt }), { role: 'admin' }))
      .body;
    const count = async () =>
      Number(
        (
          await a.db.query(
            `SELECT count(*) FROM outbox_event WHERE event_key = $1 AND event_type = 'motcua.dossier.overdue.v1'`,
            [dossier.id],
          )
        ).rows[0].count,
      );
    await waitFor(
      'the overdue announcement',
      async () => ((await count()) > 0 ? true : undefined),
      10000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // several more ticks on both instances
    expect(await count()).toBe(1);
    const { rows } = await a.db.query(
      `SELECT overdue_announced_for = due_at AS announced FROM dossier WHERE id = $1`,
      [dossier.id],
    );
    expect(rows[0].announced).toBe(true);
    const envelope = (
      await a.db.query(
        `SELECT envelope FROM outbox_event WHERE event_key = $1 AND event_type = 'motcua.dossier.overdue.v1'`,
        [dossier.id],
      )
    ).rows[0].envelope;
    expect(envelope.data).toMatchObject({
      dossierCode: dossier.code,
      portalStatus: 2,
      deadline: { scope: 'dossier', responsibleUnitCode: 'VP.MC' },
    });
  });
});
