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

type Message = { topic: string; type: string; value: string };

/** A dossier's whole life over HTTP, checked on Kafka (dossier and portal topics) and in the action log. */
describe('dossier lifecycle', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    await h.start(4304);
    procedure = await h.addProcedure(testProcedure());
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-lifecycle-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
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
          value: message.value?.toString() ?? '',
        }),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  it('goes from receipt to result with one event per transition, portal codes and a masked public stream', async () => {
    const officer = randomUUID();
    const intake = await h.intake(intakeBody(procedure));
    const id: string = intake.body.dossier.id;
    const code: string = intake.body.dossier.code;
    const step = async (
      action: string,
      body: unknown,
      role: 'desk_officer' | 'specialist' | 'leader',
      unit: string,
      status: string,
    ) => {
      const response = await h.action(id, action, body, role, unit);
      expect({ action, status: response.status, dossier: response.body.status }).toEqual({
        action,
        status: 200,
        dossier: status,
      });
      return response.body;
    };
    await step('assign', { officerId: officer }, 'desk_officer', 'VP.MC', 'processing');
    const afterStep = await step('complete-step', {}, 'desk_officer', 'VP.MC', 'processing');
    expect(afterStep.currentStepOrder).toBe(2);
    await step(
      'request-supplement',
      { missing: [{ documentCode: 'PAG', description: 'Phương án giá thiếu chữ ký' }] },
      'specialist',
      'P.QLG',
      'supplement_requested',
    );

    const forbidden = await h.action(id, 'mark-processed', {}, 'leader', 'P.QLG');
    expect(forbidden.status).toBe(409);
    expect(forbidden.contentType).toContain('application/problem+json');
    expect(forbidden.body.allowedActions).toEqual(['stop']);

    const resumed = await step(
      'supplement-received',
      { documents: [{ code: 'PAG', digitized: true }] },
      'desk_officer',
      'VP.MC',
      'processing',
    );
    expect(resumed.missing).toBeUndefined(); // the complete supplement clears what was missing
    const newDate = addWorkingDays(resumed.appointmentDate, 3);
    const extended = await step(
      'extend',
      { newDueDate: newDate, reason: 'Cần xin ý kiến Sở Công Thương' },
      'leader',
      'P.QLG',
      'processing',
    );
    expect(extended.appointmentDate).toBe(newDate);
    const twice = await h.action(
      id,
      'extend',
      { newDueDate: addWorkingDays(newDate, 2), reason: 'Lần hai' },
      'leader',
      'P.QLG',
    );
    expect(twice.status).toBe(422);
    expect(twice.body.errors.map((e: { rule: string }) => e.rule)).toContain('at-most-once');

    await step('mark-processed', { electronicResult: true }, 'specialist', 'P.QLG', 'processed');
    const returned = await step(
      'return-result',
      { method: 'desk' },
      'desk_officer',
      'VP.MC',
      'result_returned',
    );
    expect(returned.portalStatus).toBe(10);
    expect(returned.onTime).toBe('on_time');
    expect(returned.allowedActions).toEqual([]);

    const expected = [
      ['motcua.dossier.received.v1', 2],
      ['motcua.dossier.transferred.v1', 4],
      ['motcua.dossier.step-completed.v1', 4],
      ['motcua.dossier.transferred.v1', 4],
      ['motcua.dossier.supplement-requested.v1', 5],
      ['motcua.dossier.resumed.v1', 4],
      ['motcua.dossier.extended.v1', 4],
      ['motcua.dossier.processed.v1', 9],
      ['motcua.dossier.result-returned.v1', 10],
    ];
    const ofDossier = () =>
      messages
        .filter((m) => m.topic === 'dossiers.dossier.v1')
        .map((m) => ({ type: m.type, data: JSON.parse(m.value) }))
        .filter((e) => e.data.dossierId === id);
    const events = await waitFor(
      'the dossier events on Kafka',
      async () => (ofDossier().length >= expected.length ? ofDossier() : undefined),
      30000,
    );
    expect(events.map((e) => [e.type, e.data.portalStatus])).toEqual(expected);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.data.applicantKey))).toBe(true);

    const portal = await waitFor(
      'the portal stream',
      async () => {
        const found = messages
          .filter((m) => m.topic === 'portal.dossier-status.v1')
          .map((m) => ({ data: JSON.parse(m.value) }))
          .filter((e) => e.data.dossierCode === code);
        return found.length >= expected.length ? found : undefined;
      },
      30000,
    );
    expect(portal.map((e) => e.data.portalStatus)).toEqual(expected.map(([, s]) => s));
    expect(portal[0].data.applicantIdentifier).toBe('0010******45');
    expect(messages.some((m) => m.value.includes('001099012345'))).toBe(false);

    const history = await h.request('GET', `/dossiers/${id}`, { role: 'leader' });
    expect(history.body.history.map((x: { action: string }) => x.action)).toEqual([
      'intake',
      'assign',
      'complete-step',
      'request-supplement',
      'supplement-received',
      'extend',
      'mark-processed',
      'return-result',
    ]);
    await expect(
      h.db.query(`UPDATE dossier_action_log SET action = 'x' WHERE dossier_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.db.query(`DELETE FROM dossier_action_log WHERE dossier_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses an extension later than one day before the due date (422 naming the rule)', async () => {
    const backdated = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const intake = await h.intake(intakeBody(procedure, { receivedAt: backdated }), {
      role: 'admin',
    });
    const id = intake.body.dossier.id;
    expect(
      (await h.action(id, 'assign', { officerId: randomUUID() }, 'leader', 'P.QLG')).status,
    ).toBe(200);
    const late = await h.action(
      id,
      'extend',
      { newDueDate: addWorkingDays(toLocalDate(new Date()), 2), reason: 'Quá tải' },
      'leader',
      'P.QLG',
    );
    expect(late.status).toBe(422);
    expect(late.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['notice-before-due']);
    const view = await h.request('GET', `/dossiers/${id}`, { role: 'leader' });
    expect(view.body.onTime).toBe('overdue');
  });

  it('lets the applicant withdraw their own online dossier; to anyone else’s it does not exist (404)', async () => {
    const intake = await h.intake(intakeBody(procedure, { channel: 'online' }), {
      role: 'citizen',
      subject: 'citizen-owner',
    });
    const id = intake.body.dossier.id;
    expect((await h.action(id, 'withdraw', {}, 'citizen', undefined, 'citizen-other')).status).toBe(
      404,
    );
    expect(
      (
        await h.action(
          id,
          'assign',
          { officerId: randomUUID() },
          'citizen',
          undefined,
          'citizen-owner',
        )
      ).status,
    ).toBe(403);
    const withdrawn = await h.action(
      id,
      'withdraw',
      { reason: 'Điều chỉnh phương án giá' },
      'citizen',
      undefined,
      'citizen-owner',
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.portalStatus).toBe(7);
    const after = await h.action(id, 'stop', { reason: 'x' }, 'leader', 'P.QLG');
    expect(after.status).toBe(409);
    expect(after.body.allowedActions).toEqual([]);
  });

  it('stops and refuses with reasons; keeps specialists to their unit; an unknown action is a 400 naming the field', async () => {
    const one = (await h.intake(intakeBody(procedure))).body.dossier.id;
    // A unit with no step of the dossier does not see it; the unit of a later step sees it but may not act yet.
    const elsewhere = await h.action(
      one,
      'refuse',
      { reasons: ['Mặt hàng không thuộc danh mục'] },
      'specialist',
      'P.QLCS',
    );
    expect(elsewhere.status).toBe(404);
    const notYet = await h.action(
      one,
      'refuse',
      { reasons: ['Mặt hàng không thuộc danh mục'] },
      'specialist',
      'P.QLG',
    );
    expect(notYet.status).toBe(403);
    expect(notYet.body.type).toContain('unit-scope');
    const refused = await h.action(
      one,
      'refuse',
      { reasons: ['Mặt hàng không thuộc danh mục'] },
      'leader',
      'P.QLG',
    );
    expect(refused.body).toMatchObject({
      status: 'refused',
      portalStatus: 8,
      refusalReasons: ['Mặt hàng không thuộc danh mục'],
    });
    const two = (await h.intake(intakeBody(procedure))).body.dossier.id;
    const stopped = await h.action(
      two,
      'stop',
      { reason: 'Quá thời hạn bổ sung hồ sơ' },
      'leader',
      'P.QLG',
    );
    expect(stopped.body).toMatchObject({ status: 'stopped', portalStatus: 8 });
    const unknown = await h.action(two, 'teleport', {}, 'leader', 'P.QLG');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('action');
  });
});
