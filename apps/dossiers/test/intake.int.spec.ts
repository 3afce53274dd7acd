import { todayInVietnam } from '@motcua/calendar';
import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** Intake (tiếp nhận) against the real service, database and Kafka. */
describe('POST /dossiers (intake)', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;

  beforeAll(async () => {
    await h.start(4301);
    procedure = await h.addProcedure(testProcedure());
  });
  afterAll(() => h.stop());

  const countFor = async (code: string) =>
    Number(
      (await h.db.query(`SELECT count(*) FROM dossier WHERE procedure_code = $1`, [code])).rows[0]
        .count,
    );

  it('receives a complete dossier: code, appointment date, calendar version, steps and a lookup secret', async () => {
    const response = await h.intake(intakeBody(procedure));
    expect(response.status).toBe(201);
    const { outcome, dossier } = response.body;
    expect(outcome).toBe('received');
    expect(dossier.code).toMatch(DOSSIER_CODE_PATTERN);
    expect(dossier.code.startsWith(`${procedure.agencyCode}-`)).toBe(true);
    expect(dossier.status).toBe('received');
    expect(dossier.portalStatus).toBe(2);
    expect(dossier.appointmentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dossier.calendarVersion).toEqual(expect.any(String));
    expect(dossier.steps.map((s: { status: string }) => s.status)).toEqual([
      'active',
      'pending',
      'pending',
    ]);
    expect(dossier.lookupSecret).toEqual(expect.any(String));
    expect(JSON.stringify(response.body)).not.toContain('001099012345');
    const { rows } = await h.db.query(
      `SELECT applicant_identifier, applicant_key, lookup_secret_hash FROM dossier WHERE id = $1`,
      [dossier.id],
    );
    expect(rows[0].applicant_identifier).toBe('001099012345');
    expect(rows[0].applicant_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].lookup_secret_hash).not.toBe(dossier.lookupSecret);
  });

  it('answers with exactly what it stored, for every outcome, with its log entry and events in one commit', async () => {
    const bodies = [
      intakeBody(procedure),
      intakeBody(procedure, { documents: [{ code: 'VBTD' }] }),
      intakeBody(procedure, {
        applicant: { type: 'citizen', personalId: '001099012345', name: 'Trần Thị Bình' },
      }),
    ];
    for (const body of bodies) {
      const { body: answer } = await h.intake(body);
      const { lookupSecret, ...written } = answer.dossier;
      expect(lookupSecret).toEqual(expect.any(String));
      const read = await h.request('GET', `/dossiers/${written.id}`, {
        role: 'desk_officer',
        unit: 'VP.MC',
      });
      expect(read.status).toBe(200);
      const { allowedActions, history, ...stored } = read.body;
      expect(allowedActions).toEqual(expect.any(Array));
      expect(history).toEqual([
        expect.objectContaining({ action: 'intake', fromStatus: null, toStatus: written.status }),
      ]);
      expect(stored).toEqual(written);
      const log = await h.db.query(
        `SELECT action, to_status, actor_roles, event_id FROM dossier_action_log WHERE dossier_id = $1`,
        [written.id],
      );
      expect(log.rows).toEqual([
        {
          action: 'intake',
          to_status: written.status,
          actor_roles: ['desk_officer'],
          event_id: expect.any(String),
        },
      ]);
      const outbox = await h.db.query(
        `SELECT event_id, event_type FROM outbox_event WHERE event_key IN ($1, $2) ORDER BY position`,
        [written.id, written.code],
      );
      expect(outbox.rows.map((r) => r.event_type)).toEqual([
        expect.stringMatching(/^motcua\.dossier\./),
        expect.stringMatching(/portal/),
      ]);
      expect(outbox.rows[0].event_id).toBe(log.rows[0].event_id);
    }
  });

  it('asks for every missing required document at once (201, outcome, not an error)', async () => {
    const response = await h.intake(intakeBody(procedure, { documents: [{ code: 'VBTD' }] }));
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('supplement_requested');
    expect(response.body.dossier.portalStatus).toBe(5);
    expect(
      response.body.dossier.missing.map((m: { documentCode: string }) => m.documentCode),
    ).toEqual(['PAG', 'TTR']);
  });

  it('refuses an applicant type the procedure does not serve, with reasons', async () => {
    const response = await h.intake(
      intakeBody(procedure, {
        applicant: { type: 'citizen', personalId: '001099012345', name: 'Trần Thị Bình' },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.outcome).toBe('refused');
    expect(response.body.dossier.portalStatus).toBe(3);
    expect(response.body.dossier.refusalReasons[0]).toContain('không thuộc đối tượng');
  });

  it('answers 422 naming field and rule for a channel the procedure does not offer, with no state and no event', async () => {
    const before = await countFor(procedure.code);
    const outbox = Number((await h.db.query(`SELECT count(*) FROM outbox_event`)).rows[0].count);
    const response = await h.intake(intakeBody(procedure, { channel: 'postal' }));
    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'channel', rule: 'channel-offered' }),
    ]);
    expect(await countFor(procedure.code)).toBe(before);
    expect(Number((await h.db.query(`SELECT count(*) FROM outbox_event`)).rows[0].count)).toBe(
      outbox,
    );
  });

  it('answers 422 for an unknown procedure and for an abolished one', async () => {
    const unknown = await h.intake(intakeBody(testProcedure()));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({
      field: 'procedureCode',
      rule: 'procedure-exists',
    });
    const abolished = await h.addProcedure(testProcedure(), '2026-03-01');
    const response = await h.intake(intakeBody(abolished));
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({
      field: 'procedureCode',
      rule: 'procedure-in-force',
    });
  });

  it('checks the version in force again when it writes: no dossier under a version abolished or replaced since the last intake', async () => {
    const own = await h.addProcedure(testProcedure());
    expect((await h.intake(intakeBody(own))).status).toBe(201); // the service now remembers version 1 in force
    const today = todayInVietnam();
    await h.db.query(`UPDATE procedure_copy SET effective_to = $2 WHERE code = $1`, [
      own.code,
      today,
    ]);
    const afterAbolition = await h.intake(intakeBody(own));
    expect(afterAbolition.status).toBe(422);
    expect(afterAbolition.body.errors[0]).toMatchObject({
      field: 'procedureCode',
      rule: 'procedure-in-force',
    });
    await h.addProcedure({
      ...own,
      version: 2,
      decision: { ...own.decision, kind: 'amended', effectiveFrom: today },
    });
    const underVersion2 = await h.intake(intakeBody(own));
    expect(underVersion2.status).toBe(201);
    expect(underVersion2.body.dossier.procedure).toEqual({ code: own.code, version: 2 });
    await h.addProcedure({
      ...own,
      version: 3,
      decision: { ...own.decision, kind: 'amended', effectiveFrom: today },
    });
    expect((await h.intake(intakeBody(own))).body.dossier.procedure).toEqual({
      code: own.code,
      version: 3,
    });
  });

  it('claims an Idempotency-Key only for a dossier it writes: not under a cached version gone out of force', async () => {
    const own = await h.addProcedure(testProcedure());
    expect((await h.intake(intakeBody(own))).status).toBe(201); // the service now remembers version 1 in force
    await h.addProcedure({
      ...own,
      version: 2,
      decision: { ...own.decision, kind: 'amended', effectiveFrom: todayInVietnam() },
    });
    const key = `version-changed-${Date.now()}`;
    const first = await h.intake(intakeBody(own), { key });
    expect(first.status).toBe(201);
    expect(first.body.dossier.procedure).toEqual({ code: own.code, version: 2 });
    const claimed = await h.db.query(
      `SELECT dossier_id FROM intake_idempotency_key WHERE caller_subject = 'desk_officer-1' AND key = $1`,
      [key],
    );
    expect(claimed.rows).toEqual([{ dossier_id: first.body.dossier.id }]);
    const retried = await h.intake(intakeBody(own), { key });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ replayed: true, dossier: { id: first.body.dossier.id } });
  });

  it('answers 400 naming the field for a malformed personal identification number and document', async () => {
    const response = await h.intake(
      intakeBody(procedure, { applicant: { type: 'business', personalId: '12345', name: 'A' } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'applicant.personalId' })]),
    );
    const unknownDoc = await h.intake(
      intakeBody(procedure, { documents: [{ code: 'PAG' }, { code: 'TTR' }, { code: 'XXX' }] }),
    );
    expect(unknownDoc.status).toBe(422);
    expect(unknownDoc.body.errors[0]).toMatchObject({
      field: 'documents',
      rule: 'document-of-procedure',
    });
  });

  it('keeps the desk channels for desk officers and online for applicants', async () => {
    const citizenAtDesk = await h.intake(intakeBody(procedure), { role: 'citizen' });
    expect(citizenAtDesk.status).toBe(403);
    const online = await h.intake(intakeBody(procedure, { channel: 'online' }), {
      role: 'portal_client',
    });
    expect(online.status).toBe(201);
    expect(online.body.dossier.channel).toBe('online');
    const backdated = await h.intake(
      intakeBody(procedure, { receivedAt: '2026-02-02T09:00:00+07:00' }),
    );
    expect(backdated.status).toBe(403);
    expect(backdated.body.errors[0]).toMatchObject({ field: 'receivedAt', rule: 'admin-only' });
  });

  it('gives a backdated (admin, demo) dossier the appointment date of its receipt day, across Tết 2026', async () => {
    const response = await h.intake(
      intakeBody(procedure, { receivedAt: '2026-02-13T09:00:00+07:00' }),
      { role: 'admin' },
    );
    expect(response.status).toBe(201);
    expect(response.body.dossier.code).toContain('-260213-');
    expect(response.body.dossier.appointmentDate).toBe('2026-02-27');
    expect(response.body.dossier.isDemo).toBe(true);
  });
});
