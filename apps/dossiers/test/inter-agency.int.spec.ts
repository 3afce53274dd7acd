import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { Role } from '@motcua/auth';
import { addWorkingDays, explainAppointment, toLocalDate } from '@motcua/calendar';
import { contractOfType } from '@motcua/contracts';
import { randomAgencyCode, testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  sequentialChain,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; value: string };

const dueAfter = (start: Date, days: number) =>
  explainAppointment({ receivedAt: start, limit: { value: days, unit: 'working_days' } }).dueAt;

/**
 * Một cửa liên thông through the real service and broker: a sequential dossier received by the
 * resolving agency's desk, transferred to the first agency, accepted, handed back, sent on by that
 * agency to the second, which requests a supplement and hands back late. Checked: who sees and
 * may act at each point, the 4xx that move nothing, the stage clocks, the events on Kafka against
 * their contracts, and the portal stream (processing throughout, no internal officer or agency).
 */
describe('inter-agency dossier (một cửa liên thông)', () => {
  const h = new DossiersHarness();
  const planning = randomAgencyCode('12'); // Sở Kế hoạch và Đầu tư: stage 1
  const construction = randomAgencyCode('16'); // Sở Xây dựng: stage 2
  const constructionOfficer = randomUUID();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    await h.start(4320);
    procedure = await h.addProcedure(
      testProcedure({ interAgency: sequentialChain(planning, construction) }),
    );
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-inter-agency-test').consumer({
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

  const as = (role: Role, agency: string, subject?: string) => ({
    role,
    agency,
    unit: 'P.X',
    subject: subject ?? `${role}-${agency}`,
  });
  const act = (id: string, action: string, body: unknown, who: ReturnType<typeof as>) =>
    h.request('POST', `/dossiers/${id}/actions/${action}`, { ...who, body });
  const view = (id: string, who: ReturnType<typeof as>) => h.request('GET', `/dossiers/${id}`, who);
  const stageRows = async (id: string) =>
    (
      await h.db.query(
        `SELECT agency_code, status, started_at, legal_due_at, promised_due_at, working_hours_taken,
                on_time, supplement_requested_at
         FROM dossier_stage WHERE dossier_id = $1 ORDER BY "order"`,
        [id],
      )
    ).rows;

  it('moves through its stages with the right authority, clocks and events', async () => {
    const lead = procedure.agencyCode;
    const desk = as('desk_officer', lead);
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const id: string = intake.body.dossier.id;
    const code: string = intake.body.dossier.code;
    expect(intake.body.dossier.stages.map((s: { status: string }) => s.status)).toEqual([
      'waiting',
      'waiting',
    ]);
    expect(intake.body.dossier.stages[0].legalDueAt).not.toBeNull(); // the first order runs from receipt
    expect(intake.body.dossier.stages[1].startedAt).toBeNull();

    // Nobody of the chain sees the dossier before it was sent to them.
    expect((await view(id, as('specialist', planning))).status).toBe(404);

    // A transfer outside the chain or past the running order: 422 naming the rule; nothing moves.
    const outside = await act(id, 'transfer', { agencyCodes: ['ZZZ.00.99.H26'] }, desk);
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([
      expect.objectContaining({ field: 'agencyCodes', rule: 'agency-in-chain' }),
    ]);
    const skipping = await act(id, 'transfer', { agencyCodes: [construction] }, desk);
    expect(skipping.status).toBe(422);
    expect(skipping.body.errors[0].rule).toBe('next-stage-only');
    expect((await stageRows(id)).map((s) => s.status)).toEqual(['waiting', 'waiting']);
    expect((await view(id, desk)).body.status).toBe('received');

    // The desk sends it to stage 1; the planning department takes it and hands it back.
    const sent = await act(id, 'transfer', { agencyCodes: [planning] }, desk);
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('processing');
    const planningView = await view(id, as('specialist', planning));
    expect(planningView.status).toBe(200);
    expect(planningView.body.allowedActions).toEqual(['accept-stage']);
    const notTheirs = await act(id, 'accept-stage', {}, desk);
    expect(notTheirs.status).toBe(409);
    expect(notTheirs.body.type).toContain('stage-not-held');
    expect(notTheirs.body.errors).toEqual([
      expect.objectContaining({ field: 'agencyCode', rule: 'stage-holder-only' }),
    ]);
    expect((await stageRows(id)).map((s) => s.status)).toEqual(['transferred', 'waiting']);
    expect((await act(id, 'accept-stage', {}, as('specialist', planning))).status).toBe(200);
    expect(
      (await act(id, 'assign', { officerId: randomUUID() }, as('leader', planning))).body,
    ).toMatchObject({ status: 403, type: expect.stringContaining('stage-scope') });
    expect((await act(id, 'hand-back', {}, as('specialist', planning))).status).toBe(200);

    // Stage 2 starts now; the construction department still sees nothing until it is sent.
    const [, second] = await stageRows(id);
    expect(second.started_at).not.toBeNull();
    expect(second.legal_due_at.getTime()).toBeGreaterThan(second.started_at.getTime());
    expect((await act(id, 'hand-back', {}, as('specialist', construction))).status).toBe(404);

    // The agency of the previous stage sends it on.
    expect(
      (await act(id, 'transfer', { agencyCodes: [construction] }, as('specialist', planning)))
        .status,
    ).toBe(200);
    const builder = as('specialist', construction, constructionOfficer);
    expect((await act(id, 'accept-stage', {}, builder)).status).toBe(200);

    // A hand-back by an agency of the chain that does not hold the stage: 409 naming the rule;
    // nothing moves (outside the dossier's scope altogether it would be 404).
    const before = await stageRows(id);
    const wrong = await act(id, 'hand-back', {}, as('specialist', planning));
    expect(wrong.status).toBe(409);
    expect(wrong.body.type).toContain('stage-not-held');
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'agencyCode', rule: 'stage-holder-only' }),
    ]);
    expect(await stageRows(id)).toEqual(before);
    const named = await act(
      id,
      'hand-back',
      { agencyCode: construction },
      as('specialist', planning),
    );
    expect(named.status).toBe(409);
    expect(named.body.errors[0].rule).toBe('stage-holder-only');
    expect(await stageRows(id)).toEqual(before);

    // The second agency asks for a supplement; the complete supplement restarts its clock.
    const asked = await act(
      id,
      'request-supplement',
      { missing: [{ documentCode: 'VBTD', description: 'Thiếu văn bản thẩm định' }] },
      builder,
    );
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('supplement_requested');
    const dueBefore = (await stageRows(id))[1].legal_due_at.getTime();
    const arrived = await act(id, 'supplement-received', { documents: [{ code: 'VBTD' }] }, desk);
    expect(arrived.status).toBe(200);
    expect(arrived.body.status).toBe('processing');
    expect((await stageRows(id))[1].legal_due_at.getTime()).toBeGreaterThanOrEqual(dueBefore);
    // The asking stage and the whole dossier restart from the complete supplement (ADR 0022).
    const resumedAt: Date = (
      await h.db.query(
        `SELECT occurred_at FROM dossier_action_log WHERE dossier_id = $1 AND action = 'supplement-received'`,
        [id],
      )
    ).rows[0].occurred_at;
    expect((await stageRows(id))[1]).toMatchObject({
      legal_due_at: dueAfter(resumedAt, 3),
      supplement_requested_at: null,
    });
    expect(arrived.body.legalDueAt).toBe(dueAfter(resumedAt, 5).toISOString());

    // An apology (form 04) by an agency of the chain: only while it holds a stage; the same
    // rules as any dossier; the promised date moves and the stage records it; legal dates stay.
    const newDueDate = addWorkingDays(toLocalDate(new Date(arrived.body.dueAt)), 3);
    const apology = { newDueDate, reason: 'Cần lấy thêm ý kiến về quy hoạch' };
    const notHolding = await act(id, 'extend', apology, as('leader', planning));
    expect(notHolding.status).toBe(409);
    expect(notHolding.body.type).toContain('stage-not-held');
    expect(notHolding.body.errors[0].rule).toBe('stage-holder-only');
    const apologised = await act(id, 'extend', apology, as('leader', construction));
    expect(apologised.status).toBe(200);
    expect(apologised.body.legalDueAt).toBe(arrived.body.legalDueAt);
    expect(toLocalDate(new Date(apologised.body.dueAt))).toBe(newDueDate);
    expect((await stageRows(id))[1]).toMatchObject({
      legal_due_at: dueAfter(resumedAt, 3),
      promised_due_at: new Date(apologised.body.dueAt),
    });
    const twice = await act(id, 'extend', apology, as('leader', construction));
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'at-most-once' })]),
    );

    // Time passes (fixture): the stage started a week ago and its due date went by.
    await h.db.query(
      `UPDATE dossier_stage SET started_at = started_at - interval '7 days', legal_due_at = now() - interval '1 hour'
       WHERE dossier_id = $1 AND agency_code = $2`,
      [id, construction],
    );
    const back = await act(id, 'hand-back', {}, builder);
    expect(back.status).toBe(200);
    const stages = await stageRows(id);
    expect(stages.map((s) => [s.agency_code, s.status, s.on_time])).toEqual([
      [planning, 'handed_back', true],
      [construction, 'handed_back', false],
    ]);
    expect(stages[1].working_hours_taken).toBeGreaterThan(0);

    // Every stage handed back: the lead agency decides and the desk returns the result.
    expect((await act(id, 'mark-processed', {}, as('leader', lead))).status).toBe(200);
    expect((await act(id, 'return-result', { method: 'desk' }, desk)).status).toBe(200);

    const expected = [
      'motcua.dossier.received.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-accepted.v1',
      'motcua.dossier.stage-handed-back.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-accepted.v1',
      'motcua.dossier.supplement-requested.v1',
      'motcua.dossier.resumed.v1',
      'motcua.dossier.extended.v1',
      'motcua.dossier.stage-handed-back.v1',
      'motcua.dossier.processed.v1',
      'motcua.dossier.result-returned.v1',
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
    expect(events.map((e) => e.type)).toEqual(expected);
    for (const event of events) {
      const parsed = contractOfType(event.type)!.schema.safeParse(event.data);
      expect({ type: event.type, valid: parsed.success }).toEqual({
        type: event.type,
        valid: true,
      });
    }
    const handedBack = events.filter((e) => e.type === 'motcua.dossier.stage-handed-back.v1');
    expect(
      handedBack.map((e) => [e.data.stage.agencyCode, e.data.stage.order, e.data.onTime]),
    ).toEqual([
      [planning, 1, true],
      [construction, 2, false],
    ]);
    expect(handedBack[0].data.nextOrder).toBe(2);
    expect(handedBack[1].data.workingHoursTaken).toBe(stages[1].working_hours_taken);
    expect(handedBack[1].data.handsOn).toEqual([
      { kind: 'result', code: 'VBTD', name: 'Văn bản thẩm định' },
    ]);
    expect(handedBack[1].data.handedBackBy.officerId).toBe(constructionOfficer);

    // The portal: processing (4) while any stage runs, 5 while the supplement is awaited; never an agency of the chain or its officer.
    const portal = await waitFor(
      'the portal stream',
      async () => {
        const found = messages
          .filter((m) => m.topic === 'portal.dossier-status.v1')
          .filter((m) => JSON.parse(m.value).dossierCode === code);
        return found.length >= expected.length ? found : undefined;
      },
      30000,
    );
    expect(portal.map((m) => JSON.parse(m.value).portalStatus)).toEqual([
      2, 4, 4, 4, 4, 4, 5, 4, 4, 4, 9, 10,
    ]);
    expect(portal.some((m) => m.value.includes(constructionOfficer))).toBe(false);
    expect(portal.some((m) => m.value.includes(construction) || m.value.includes(planning))).toBe(
      false,
    );
  });
});
