import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { addWorkingDays, toLocalDate } from '@motcua/calendar';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; data: Record<string, unknown> };

/** The lifecycle rules of issue 14 against the real service, Kafka and PostgreSQL. */
describe('lifecycle rules: partial supplements, legal vs promised due date, stop at the applicant’s request, scan exemptions', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    await h.start(4310);
    procedure = await h.addProcedure(testProcedure());
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-rules-test').consumer({
      groupId: `dossiers-rules-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: ['dossiers.dossier.v1', 'portal.dossier-status.v1'],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) =>
        void messages.push({
          topic,
          type: message.headers?.ce_type?.toString() ?? '',
          data: JSON.parse(message.value?.toString() ?? '{}'),
        }),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  const eventsOf = (id: string, count: number) =>
    waitFor(
      `${count} events of ${id}`,
      async () => {
        const found = messages.filter(
          (m) => m.topic === 'dossiers.dossier.v1' && m.data.dossierId === id,
        );
        return found.length >= count ? found : undefined;
      },
      30000,
    );
  const portalOf = (code: string, count: number) =>
    waitFor(
      `${count} portal statuses of ${code}`,
      async () => {
        const found = messages.filter(
          (m) => m.topic === 'portal.dossier-status.v1' && m.data.dossierCode === code,
        );
        return found.length >= count ? found : undefined;
      },
      30000,
    );

  it('a partial supplement is recorded and keeps the clock stopped; the last awaited item restarts it', async () => {
    const { id, code, appointmentDate } = (await h.intake(intakeBody(procedure))).body.dossier;
    expect(
      (await h.action(id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC')).status,
    ).toBe(200);
    const requested = await h.action(
      id,
      'request-supplement',
      {
        missing: [
          { documentCode: 'VBTD', description: 'Văn bản thẩm định của Sở Công Thương' },
          { documentCode: 'TTR', description: 'Tờ trình có chữ ký người đại diện' },
          { description: 'Giải trình cơ cấu giá' },
        ],
      },
      'specialist',
      'VP.MC',
    );
    expect(requested.status).toBe(200);

    // PAG was not requested, VBTD was: the dossier keeps waiting, its dates do not move.
    const partial = await h.action(
      id,
      'supplement-received',
      { documents: [{ code: 'PAG', digitized: true }, { code: 'VBTD' }] },
      'desk_officer',
      'VP.MC',
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({
      status: 'supplement_requested',
      portalStatus: 5,
      appointmentDate,
      onTime: 'in_time',
    });
    expect(partial.body.supplementOutstanding.map((o: { item: number }) => o.item)).toEqual([2, 3]);
    expect(partial.body.allowedActions).toEqual([
      'supplement-received',
      'withdraw',
      'stop-at-request',
    ]);

    const unknown = await h.action(
      id,
      'supplement-received',
      { documents: [], items: [1] },
      'desk_officer',
      'VP.MC',
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'items', rule: 'awaited-item' }),
    ]);
    const empty = await h.action(
      id,
      'supplement-received',
      { documents: [] },
      'desk_officer',
      'VP.MC',
    );
    expect(empty.status).toBe(400);

    const second = await h.action(
      id,
      'supplement-received',
      { documents: [{ code: 'TTR', scanExemption: 'shown_only' }] },
      'desk_officer',
      'VP.MC',
    );
    expect(second.body.documents).toContainEqual({
      code: 'TTR',
      digitized: false,
      reused: false,
      scanExemption: 'shown_only',
    });
    expect(second.body).toMatchObject({ status: 'supplement_requested', appointmentDate });
    const last = await h.action(
      id,
      'supplement-received',
      { documents: [], items: [3] },
      'desk_officer',
      'VP.MC',
    );
    expect(last.body).toMatchObject({ status: 'processing', portalStatus: 4 });
    expect(last.body.missing).toBeUndefined();
    expect(last.body.supplementOutstanding).toBeUndefined();
    // Restart from zero today: 5 working days from now, legal and promised alike.
    expect(last.body.legalDueAt).toBe(last.body.dueAt);
    expect(last.body.appointmentDate >= addWorkingDays(toLocalDate(new Date()), 5)).toBe(true);

    const events = await eventsOf(id, 6);
    expect(events.map((e) => e.type)).toEqual([
      'motcua.dossier.received.v1',
      'motcua.dossier.transferred.v1',
      'motcua.dossier.supplement-requested.v1',
      'motcua.dossier.supplement-partially-received.v1',
      'motcua.dossier.supplement-partially-received.v1',
      'motcua.dossier.resumed.v1',
    ]);
    expect(events[3].data).toMatchObject({
      portalStatus: 5,
      met: [{ item: 1, documentCode: 'VBTD' }],
      outstanding: [{ item: 2 }, { item: 3 }],
    });
    expect(events[5].data.dueDate).toBe(events[5].data.legalDueDate);
    const portal = await portalOf(code, 6);
    expect(portal.map((p) => p.data.portalStatus)).toEqual([2, 4, 5, 5, 5, 4]);

    const history = (await h.request('GET', `/dossiers/${id}`, { role: 'leader' })).body.history;
    expect(
      history.map((x: { action: string; toStatus: string }) => `${x.action}→${x.toStatus}`),
    ).toEqual([
      'intake→received',
      'assign→processing',
      'request-supplement→supplement_requested',
      'supplement-received→supplement_requested',
      'supplement-received→supplement_requested',
      'supplement-received→processing',
    ]);
  });

  it('an apology moves the promised date only: on time is judged against the legal due date; slips, lookup and the portal show the promised one', async () => {
    const { id, code, appointmentDate, legalDueAt, dueAt, lookupSecret } = (
      await h.intake(intakeBody(procedure))
    ).body.dossier;
    expect(legalDueAt).toBe(dueAt);
    expect(
      (await h.action(id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC')).status,
    ).toBe(200);
    const promised = addWorkingDays(appointmentDate, 3);
    const extended = await h.action(
      id,
      'extend',
      { newDueDate: promised, reason: 'Cần xin ý kiến Sở Công Thương' },
      'leader',
      'P.QLG',
    );
    expect(extended.body).toMatchObject({
      appointmentDate: promised,
      legalDueAt,
      extensionCount: 1,
    });
    expect(extended.body.allowedActions).not.toContain('extend');

    const events = await eventsOf(id, 3);
    expect(events[2]).toMatchObject({
      type: 'motcua.dossier.extended.v1',
      data: {
        legalDueDate: new Date(legalDueAt).toISOString(),
        previousDueDate: new Date(legalDueAt).toISOString(),
      },
    });
    expect(toLocalDate(new Date(events[2].data.dueDate as string))).toBe(promised);
    const portal = await portalOf(code, 3);
    expect(String(portal[2].data.dueAt).slice(0, 8)).toBe(promised.replace(/-/g, ''));

    const lookup = await h.request(
      'GET',
      `/public/dossiers/${code}?secret=${encodeURIComponent(lookupSecret)}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.appointmentDate).toBe(promised);

    // Finished after the legal due date but before the promised one: late (Circular 01/2018 index 1 compares with the legal limit).
    await h.db.query(`UPDATE dossier SET legal_due_at = now() - interval '1 hour' WHERE id = $1`, [
      id,
    ]);
    const processed = await h.action(id, 'mark-processed', {}, 'leader', 'P.QLG');
    expect(processed.body).toMatchObject({
      status: 'processed',
      appointmentDate: promised,
      onTime: 'late',
    });
  });

  it('stops at the applicant’s request with form 05 (portal 8), distinct from withdrawal (7); never once a decision exists', async () => {
    const { id, code } = (await h.intake(intakeBody(procedure))).body.dossier;
    const stopped = await h.action(
      id,
      'stop-at-request',
      {
        requestChannel: 'postal',
        reason: 'Doanh nghiệp không còn nhu cầu',
        noticeNumber: '05/2026/TB',
      },
      'desk_officer',
      'VP.MC',
    );
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'stopped', portalStatus: 8, allowedActions: [] });
    const events = await eventsOf(id, 2);
    expect(events[1]).toMatchObject({
      type: 'motcua.dossier.stopped.v1',
      data: {
        portalStatus: 8,
        initiator: 'applicant',
        requestChannel: 'postal',
        notice: { form: '05', number: '05/2026/TB' },
      },
    });
    expect((await portalOf(code, 2))[1].data.portalStatus).toBe(8);
    const notice = await h.download(`/dossiers/${id}/slips/stop-notice`, { role: 'desk_officer' });
    expect(notice.status).toBe(200);
    expect(notice.contentType).toBe('application/pdf');
    expect(
      (await h.download(`/dossiers/${id}/slips/control-sheet`, { role: 'desk_officer' })).status,
    ).toBe(200);

    const agencyStop = (await h.intake(intakeBody(procedure))).body.dossier.id;
    expect(
      (await h.action(agencyStop, 'stop', { reason: 'Quá hạn bổ sung' }, 'leader', 'P.QLG')).status,
    ).toBe(200);
    const noNotice = await h.download(`/dossiers/${agencyStop}/slips/stop-notice`, {
      role: 'desk_officer',
    });
    expect(noNotice.status).toBe(409);
    expect(noNotice.body.errors[0].rule).toBe('stop-notice-needs-applicant-stop');

    const decided = (await h.intake(intakeBody(procedure))).body.dossier.id;
    expect(
      (await h.action(decided, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'))
        .status,
    ).toBe(200);
    expect((await h.action(decided, 'mark-processed', {}, 'leader', 'P.QLG')).status).toBe(200);
    const tooLate = await h.action(
      decided,
      'stop-at-request',
      { requestChannel: 'in_person' },
      'desk_officer',
      'VP.MC',
    );
    expect(tooLate.status).toBe(409);

    const withdrawn = (await h.intake(intakeBody(procedure))).body.dossier.id;
    expect(
      (await h.action(withdrawn, 'withdraw', {}, 'desk_officer', 'VP.MC')).body.portalStatus,
    ).toBe(7);
  });

  it('records scan exemptions per document at intake (Circular 03/2025 Art. 5(2)) and carries them in the received event', async () => {
    const desk = (
      await h.intake(
        intakeBody(procedure, {
          documents: [
            { code: 'PAG', digitized: true },
            { code: 'TTR', scanExemption: 'shown_only' },
            { code: 'VBTD', scanExemption: 'secret' },
          ],
        }),
      )
    ).body.dossier;
    expect(desk.documents).toEqual([
      { code: 'PAG', digitized: true, reused: false },
      { code: 'TTR', digitized: false, reused: false, scanExemption: 'shown_only' },
      { code: 'VBTD', digitized: false, reused: false, scanExemption: 'secret' },
    ]);
    const online = (
      await h.intake(intakeBody(procedure, { channel: 'online' }), {
        role: 'citizen',
        subject: 'citizen-scan',
      })
    ).body.dossier;
    expect(
      online.documents.every((d: { scanExemption?: string }) => d.scanExemption === 'online'),
    ).toBe(true);
    const [received] = await eventsOf(desk.id, 1);
    expect(received.data.documents).toEqual(desk.documents);
    const bad = await h.intake(
      intakeBody(procedure, {
        documents: [{ code: 'PAG', scanExemption: 'lost' }, { code: 'TTR' }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toContain('scanExemption');
  });
});
