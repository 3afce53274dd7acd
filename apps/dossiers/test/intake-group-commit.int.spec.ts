import { randomUUID } from 'node:crypto';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/**
 * Concurrent intakes are written together by group commit (ADR 0037): one number upsert and one
 * statement per group, each intake with its own dossier, number, events and answer.
 */
describe('concurrent intakes (group commit)', () => {
  const h = new DossiersHarness();
  const BURST = 24;

  beforeAll(() => h.start(4311));
  afterAll(() => h.stop());

  /** A procedure of a random agency of its own, so its daily numbers start at 1 in this test. */
  const freshProcedure = (): Promise<TestProcedure> => h.addProcedure(testProcedure());

  const burst = (bodies: unknown[]) =>
    Promise.all(
      bodies.map((body) => {
        const correlationId = `burst-${randomUUID()}`;
        return h
          .request('POST', '/dossiers', {
            role: 'desk_officer',
            unit: 'VP.MC',
            body,
            headers: { 'x-correlation-id': correlationId },
          })
          .then((response) => ({ ...response, correlationId }));
      }),
    );

  const outboxOf = async (dossierId: string, code: string) =>
    (
      await h.db.query(
        `SELECT event_id, event_type, envelope->>'correlationid' AS correlation_id
         FROM outbox_event WHERE event_key IN ($1, $2) ORDER BY position`,
        [dossierId, code],
      )
    ).rows;

  it('gives N concurrent intakes N dossiers with distinct consecutive daily numbers and their own events', async () => {
    const procedure = await freshProcedure();
    const responses = await burst(Array.from({ length: BURST }, () => intakeBody(procedure)));
    expect(responses.map((r) => r.status)).toEqual(Array(BURST).fill(201));
    const codes: string[] = responses.map((r) => r.body.dossier.code);
    const sequences = codes.map((code) => Number(code.slice(-4))).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: BURST }, (_, i) => i + 1));
    const stored = await h.db.query(
      `SELECT id, code, created_at FROM dossier WHERE procedure_code = $1`,
      [procedure.code],
    );
    expect(stored.rows.map((r) => r.code).sort()).toEqual([...codes].sort());
    // A group's dossiers share the moment it was written: fewer moments than dossiers, so some
    // were written together (else this test would not test group commit).
    const moments = new Set(stored.rows.map((r) => r.created_at.toISOString()));
    expect(moments.size).toBeLessThan(BURST);
    for (const { body, correlationId } of responses) {
      const events = await outboxOf(body.dossier.id, body.dossier.code);
      expect(events.map((e) => e.event_type)).toEqual([
        'motcua.dossier.received.v1',
        expect.stringMatching(/portal/),
      ]);
      // Each intake's events carry its own request's correlation id, whichever request wrote the group.
      expect(events.map((e) => e.correlation_id)).toEqual([correlationId, correlationId]);
      const log = await h.db.query(
        `SELECT event_id FROM dossier_action_log WHERE dossier_id = $1 AND action = 'intake'`,
        [body.dossier.id],
      );
      expect(log.rows).toEqual([{ event_id: events[0].event_id }]);
    }
  });

  it('fails only the dossier the database refuses inside a concurrent burst; the others are written', async () => {
    const procedure = await freshProcedure();
    const refusedName = 'Lê Bị Từ Chối';
    // The database refuses this one dossier (as it would a row breaking any of its constraints).
    await h.db.query(
      `ALTER TABLE dossier ADD CONSTRAINT group_commit_test_refuses CHECK (applicant_name <> '${refusedName}') NOT VALID`,
    );
    try {
      const bodies = Array.from({ length: BURST }, (_, i) =>
        i === BURST / 2
          ? intakeBody(procedure, {
              applicant: { type: 'business', personalId: '001099012345', name: refusedName },
            })
          : intakeBody(procedure),
      );
      const responses = await burst(bodies);
      const refused = responses[BURST / 2];
      expect(refused.status).toBe(500);
      expect(refused.contentType).toContain('application/problem+json');
      const others = responses.filter((_, i) => i !== BURST / 2);
      expect(others.map((r) => r.status)).toEqual(Array(BURST - 1).fill(201));
      const codes = others.map((r) => r.body.dossier.code as string);
      expect(new Set(codes).size).toBe(BURST - 1);
      const stored = await h.db.query(
        `SELECT code, applicant_name FROM dossier WHERE procedure_code = $1`,
        [procedure.code],
      );
      expect(stored.rows.map((r) => r.code).sort()).toEqual([...codes].sort());
      expect(stored.rows.some((r) => r.applicant_name === refusedName)).toBe(false);
      const events = await h.db.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE event_type = 'motcua.dossier.received.v1'
           AND envelope#>>'{data,procedureCode}' = $1`,
        [procedure.code],
      );
      expect(events.rows[0].n).toBe(BURST - 1);
    } finally {
      await h.db.query(`ALTER TABLE dossier DROP CONSTRAINT group_commit_test_refuses`);
    }
  });
});
