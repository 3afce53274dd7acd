import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { Role } from '@motcua/auth';
import { addWorkingHours, explainAppointment, workingHoursBetween } from '@motcua/calendar';
import { contractOfType } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; value: string };
type StageRow = {
  order: number;
  agency_code: string;
  status: string;
  started_at: Date | null;
  legal_due_at: Date | null;
  suspended_hours: number;
  supplement_requested_at: Date | null;
  working_hours_taken: number | null;
  on_time: boolean | null;
};

const agencyCode = (n: string) =>
  `${randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase()}.00.${n}.H26`;
const dueAfter = (start: Date, days: number) =>
  explainAppointment({ receivedAt: start, limit: { value: days, unit: 'working_days' } }).dueAt;

/**
 * A parallel chain (the shape of demo procedure 1.013102) through the real service and broker:
 * planning (1 day) → construction (3) ‖ agriculture (2) → the lead agency (2), limit 6 working
 * days. Checked: both stages of order 2 start together with their own due dates, the next order
 * waits for both, a supplement asked by one parallel agency restarts its clock and only pauses the
 * other (docs/adr/0022), on time per agency and for the whole dossier, the events and the portal.
 */
describe('inter-agency dossier, parallel order (một cửa liên thông)', () => {
  const h = new DossiersHarness();
  const planning = agencyCode('12');
  const construction = agencyCode('17');
  const agriculture = agencyCode('13');
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];
  const result = (code: string, name: string) => [{ kind: 'result' as const, code, name }];

  beforeAll(async () => {
    await h.start(4323);
    const lead = testProcedure().agencyCode;
    procedure = await h.addProcedure(
      testProcedure({
        agencyCode: lead,
        timeLimit: { value: 6, unit: 'working_days' },
        interAgency: {
          direction: 'horizontal',
          stages: [
            {
              order: 1,
              agencyCode: planning,
              agencyName: 'Sở Tài chính (thẩm định)',
              external: false,
              share: 1,
              handsOn: result('PA', 'Phương án'),
            },
            {
              order: 2,
              agencyCode: construction,
              agencyName: 'Sở Xây dựng',
              external: false,
              share: 3,
              handsOn: result('YK-QH', 'Ý kiến quy hoạch'),
            },
            {
              order: 2,
              agencyCode: agriculture,
              agencyName: 'Sở Nông nghiệp và Môi trường',
              external: false,
              share: 2,
              handsOn: result('YK-SDD', 'Ý kiến sử dụng đất'),
            },
            {
              order: 3,
              agencyCode: lead,
              agencyName: 'Sở Tài chính',
              external: false,
              share: 2,
              handsOn: result('QD-PD', 'Quyết định phê duyệt'),
            },
          ],
        },
      }),
    );
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-inter-agency-parallel-test').consumer({
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

  const as = (role: Role, agency: string) => ({
    role,
    agency,
    unit: 'P.X',
    subject: `${role}-${agency}`,
  });
  const act = (id: string, action: string, body: unknown, who: ReturnType<typeof as>) =>
    h.request('POST', `/dossiers/${id}/actions/${action}`, { ...who, body });
  const stageRows = async (id: string): Promise<Record<string, StageRow>> => {
    const { rows } = await h.db.query<StageRow>(
      `SELECT "order", agency_code, status, started_at, legal_due_at, suspended_hours,
              supplement_requested_at, working_hours_taken, on_time
       FROM dossier_stage WHERE dossier_id = $1`,
      [id],
    );
    return Object.fromEntries(rows.map((r) => [r.agency_code, r]));
  };
  const loggedAt = async (id: string, action: string) =>
    (
      await h.db.query(
        `SELECT occurred_at FROM dossier_action_log WHERE dossier_id = $1 AND action = $2
         ORDER BY occurred_at DESC LIMIT 1`,
        [id, action],
      )
    ).rows[0].occurred_at as Date;

  it('runs the parallel order at once, each agency on its own clock, and judges each and the whole', async () => {
    const lead = procedure.agencyCode;
    const desk = as('desk_officer', lead);
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const id: string = intake.body.dossier.id;
    const code: string = intake.body.dossier.code;
    const receivedAt = new Date(intake.body.dossier.receivedAt);
    // The whole dossier's legal due date: the procedure's 6 working days from receipt.
    expect(new Date(intake.body.dossier.legalDueAt)).toEqual(dueAfter(receivedAt, 6));

    expect((await act(id, 'transfer', { agencyCodes: [planning] }, desk)).status).toBe(200);
    expect((await act(id, 'accept-stage', {}, as('specialist', planning))).status).toBe(200);
    expect((await act(id, 'hand-back', {}, as('specialist', planning))).status).toBe(200);

    // Order 2 starts at once for both agencies, each due after its own share.
    let stages = await stageRows(id);
    const order2Start = stages[construction].started_at!;
    expect(stages[agriculture].started_at).toEqual(order2Start);
    expect(stages[construction].legal_due_at).toEqual(dueAfter(order2Start, 3));
    expect(stages[agriculture].legal_due_at).toEqual(dueAfter(order2Start, 2));
    expect(stages[lead].started_at).toBeNull();

    // Sending to a valid and an outside agency at once: 422 naming the one rule; nothing moves.
    const mixed = await act(
      id,
      'transfer',
      { agencyCodes: [construction, 'ZZZ.00.99.H26'] },
      as('specialist', planning),
    );
    expect(mixed.status).toBe(422);
    expect(mixed.body.errors).toEqual([
      expect.objectContaining({ field: 'agencyCodes', rule: 'agency-in-chain' }),
    ]);
    expect((await stageRows(id))[construction].status).toBe('waiting');

    // The agency of the previous order sends it to both parallel agencies in one action.
    const sent = await act(
      id,
      'transfer',
      { agencyCodes: [construction, agriculture] },
      as('specialist', planning),
    );
    expect(sent.status).toBe(200);
    expect((await act(id, 'accept-stage', {}, as('specialist', construction))).status).toBe(200);
    expect((await act(id, 'accept-stage', {}, as('specialist', agriculture))).status).toBe(200);
    // Nothing waits for a transfer while order 2 runs: the lead's stage cannot be sent yet.
    const early = await act(id, 'transfer', { agencyCodes: [lead] }, desk);
    expect(early.status).toBe(409);
    expect(early.body.type).toContain('action-not-allowed');

    // Construction asks for a supplement; only its stage is marked as the asker.
    const asked = await act(
      id,
      'request-supplement',
      { missing: [{ documentCode: 'VBTD', description: 'Thiếu bản vẽ hiện trạng' }] },
      as('leader', construction),
    );
    expect(asked.status).toBe(200);
    stages = await stageRows(id);
    expect(stages[construction].supplement_requested_at).not.toBeNull();
    expect(stages[agriculture].supplement_requested_at).toBeNull();
    // Time passes (fixture): order 2 started 15 days ago, the supplement was asked 14 days ago.
    await h.db.query(
      `UPDATE dossier SET supplement_requested_at = supplement_requested_at - interval '14 days' WHERE id = $1`,
      [id],
    );
    await h.db.query(
      `UPDATE dossier_stage SET started_at = started_at - interval '15 days' WHERE dossier_id = $1 AND "order" = 2`,
      [id],
    );
    const dueOfAgriculture = stages[agriculture].legal_due_at!;
    const arrived = await act(id, 'supplement-received', { documents: [{ code: 'VBTD' }] }, desk);
    expect(arrived.status).toBe(200);
    const resumedAt = await loggedAt(id, 'supplement-received');
    stages = await stageRows(id);
    // The asker restarts from the complete supplement, as the whole dossier does; the other pauses.
    expect(stages[construction].legal_due_at).toEqual(dueAfter(resumedAt, 3));
    expect(arrived.body.legalDueAt).toBe(dueAfter(resumedAt, 6).toISOString());
    const waited = stages[agriculture].suspended_hours;
    expect(waited).toBeGreaterThan(0);
    expect(stages[construction].suspended_hours).toBe(waited);
    // Moved by the office hours waited (stored to 0.01 h, so within 0.005 office hours of the exact
    // instant; measured in office hours, since 18 s past the end of a working day is the next morning).
    const moved = addWorkingHours(dueOfAgriculture, waited);
    const stored = stages[agriculture].legal_due_at!;
    const [earlier, later] = stored < moved ? [stored, moved] : [moved, stored];
    expect(workingHoursBetween(earlier, later)).toBeLessThanOrEqual(0.005);
    expect(stages[construction].supplement_requested_at).toBeNull();

    // Agriculture hands back on time; order 3 waits for construction.
    expect((await act(id, 'hand-back', {}, as('specialist', agriculture))).status).toBe(200);
    expect((await stageRows(id))[lead].started_at).toBeNull();
    // A hand-back by an agency that no longer holds a stage: 409 naming the rule and the holder; nothing moves.
    const again = await act(id, 'hand-back', {}, as('specialist', agriculture));
    expect(again.status).toBe(409);
    expect(again.body.errors[0].rule).toBe('stage-holder-only');
    expect(again.body.type).toContain('stage-not-held');
    expect(again.body.detail).toContain(construction);
    expect((await stageRows(id))[construction].status).toBe('accepted');

    // Construction is late against its own date (fixture), then hands back: order 3 starts now.
    await h.db.query(
      `UPDATE dossier_stage SET legal_due_at = now() - interval '1 hour' WHERE dossier_id = $1 AND agency_code = $2`,
      [id, construction],
    );
    expect((await act(id, 'hand-back', {}, as('specialist', construction))).status).toBe(200);
    stages = await stageRows(id);
    const order3Start = stages[lead].started_at!;
    expect(order3Start).toEqual(await loggedAt(id, 'hand-back'));
    expect(stages[lead].legal_due_at).toEqual(dueAfter(order3Start, 2));

    // The previous order's agency sends it to the lead agency, which takes and ends its stage.
    expect(
      (await act(id, 'transfer', { agencyCodes: [lead] }, as('specialist', construction))).status,
    ).toBe(200);
    expect((await act(id, 'accept-stage', {}, as('specialist', lead))).status).toBe(200);
    expect((await act(id, 'hand-back', {}, as('specialist', lead))).status).toBe(200);
    expect((await act(id, 'mark-processed', {}, as('leader', lead))).status).toBe(200);
    const returned = await act(id, 'return-result', { method: 'desk' }, desk);
    expect(returned.status).toBe(200);

    // On time per agency (construction late), and for the whole dossier (within its restarted limit).
    stages = await stageRows(id);
    expect(
      [planning, agriculture, construction, lead].map((a) => [
        a,
        stages[a].status,
        stages[a].on_time,
      ]),
    ).toEqual([
      [planning, 'handed_back', true],
      [agriculture, 'handed_back', true],
      [construction, 'handed_back', false],
      [lead, 'handed_back', true],
    ]);
    expect((await h.request('GET', `/dossiers/${id}`, desk)).body.onTime).toBe('on_time');

    const expected = [
      'motcua.dossier.received.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-accepted.v1',
      'motcua.dossier.stage-handed-back.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-accepted.v1',
      'motcua.dossier.stage-accepted.v1',
      'motcua.dossier.supplement-requested.v1',
      'motcua.dossier.resumed.v1',
      'motcua.dossier.stage-handed-back.v1',
      'motcua.dossier.stage-handed-back.v1',
      'motcua.dossier.stage-transferred.v1',
      'motcua.dossier.stage-accepted.v1',
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
    // The time each agency took, as reporting reads it (index 2: each agency against its own time).
    const handedBack = events.filter((e) => e.type === 'motcua.dossier.stage-handed-back.v1');
    expect(
      handedBack.map((e) => [
        e.data.stage.agencyCode,
        e.data.stage.order,
        e.data.onTime,
        e.data.workingHoursTaken,
        e.data.stageLegalDueDate,
      ]),
    ).toEqual(
      [planning, agriculture, construction, lead].map((a) => [
        a,
        stages[a].order,
        stages[a].on_time,
        stages[a].working_hours_taken,
        stages[a].legal_due_at!.toISOString(),
      ]),
    );
    expect(handedBack.map((e) => e.data.suspendedWorkingHours)).toEqual([0, waited, waited, 0]);
    expect(handedBack.map((e) => e.data.nextOrder)).toEqual([2, undefined, 3, undefined]);
    expect(
      events
        .filter((e) => e.type === 'motcua.dossier.stage-transferred.v1')
        .map((e) => [e.data.stage.agencyCode, e.data.stageLegalDueDate]),
    ).toEqual([
      [planning, dueAfter(receivedAt, 1).toISOString()],
      [construction, dueAfter(order2Start, 3).toISOString()],
      [agriculture, dueAfter(order2Start, 2).toISOString()],
      [lead, dueAfter(order3Start, 2).toISOString()],
    ]);

    // The portal: one national status per action, 4 while any stage runs, 5 while the supplement
    // is awaited; no agency of the chain appears.
    const portal = await waitFor(
      'the portal stream',
      async () => {
        const found = messages
          .filter((m) => m.topic === 'portal.dossier-status.v1')
          .filter((m) => JSON.parse(m.value).dossierCode === code);
        return found.length >= 16 ? found : undefined;
      },
      30000,
    );
    expect(portal.map((m) => JSON.parse(m.value).portalStatus)).toEqual([
      2, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 9, 10,
    ]);
    expect(
      portal.some((m) => [planning, construction, agriculture].some((a) => m.value.includes(a))),
    ).toBe(false);
  });
});
