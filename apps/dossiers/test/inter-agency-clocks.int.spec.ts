import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { contractOfType } from '@motcua/contracts';
import { randomAgencyCode, testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  sequentialChain,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; key: string; value: Record<string, unknown> };
const OLD_VERSION = 'vn-cal-1-vn-gov-decisions-a1b2c3d4e5f6a7b8';

/**
 * The clocks of inter-agency stages through the real service, database and broker: the deadline
 * watch's stage-level warnings (once per stage and due date), and a calendar change moving the due
 * dates of running stages (Vietnamese Culture Day, Tue 24/11/2026, unknown to the old calendar).
 */
describe('inter-agency stage clocks (một cửa liên thông)', () => {
  const h = new DossiersHarness();
  const planning = randomAgencyCode('12'); // Sở Kế hoạch và Đầu tư: stage 1, 2 working days
  const construction = randomAgencyCode('16'); // Sở Xây dựng: stage 2, 3 working days
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    // The deadline watch ticks every 200 ms: several runs happen while the test waits.
    await h.start(4361, { DEADLINE_WATCH_INTERVAL_MS: '200' });
    procedure = await h.addProcedure(
      testProcedure({ interAgency: sequentialChain(planning, construction) }),
    );
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-stage-clocks-test').consumer({
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
          key: message.key?.toString() ?? '',
          value: JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>,
        }),
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  const of = (type: string, key: string) =>
    messages.filter((m) => m.type === `motcua.dossier.${type}.v1` && m.key === key);

  it('announces a stage past its own due date once, naming its agency; later runs do not repeat it', async () => {
    // Received twenty days ago: stage 1 (2 working days from receipt) is long past its due date.
    const receivedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const intake = await h.intake(intakeBody(procedure, { receivedAt }), { role: 'admin' });
    expect(intake.status).toBe(201);
    const id: string = intake.body.dossier.id;
    const stage = (
      await h.db.query(
        `SELECT started_at, legal_due_at FROM dossier_stage WHERE dossier_id = $1 AND agency_code = $2`,
        [id, planning],
      )
    ).rows[0];

    const event = await waitFor(
      'the stage-overdue event on Kafka',
      async () => of('stage-overdue', id)[0],
      15000,
    );
    expect(() => contractOfType(event.type)!.schema.parse(event.value)).not.toThrow();
    expect(event.value).toMatchObject({
      dossierId: id,
      agencyCode: procedure.agencyCode, // the lead agency stays in the facts
      stage: { order: 1, agencyCode: planning, agencyName: 'Sở Kế hoạch và Đầu tư' },
      stageStartedAt: stage.started_at.toISOString(),
      stageLegalDueDate: stage.legal_due_at.toISOString(),
      overdueSince: stage.legal_due_at.toISOString(),
    });
    // The dossier's own warning is a different event, the waiting stage 2 has no clock yet.
    await new Promise((resolve) => setTimeout(resolve, 2000)); // about ten more runs of the watch
    expect(of('stage-overdue', id)).toHaveLength(1);
    expect(of('stage-due-soon', id)).toEqual([]);
    const outbox = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE event_key = $1 AND event_type = 'motcua.dossier.stage-overdue.v1'`,
      [id],
    );
    expect(outbox.rows[0].n).toBe(1);
    const announced = await h.db.query(
      `SELECT agency_code, overdue_announced_for = legal_due_at AS announced FROM dossier_stage WHERE dossier_id = $1 ORDER BY "order"`,
      [id],
    );
    expect(announced.rows).toEqual([
      { agency_code: planning, announced: true },
      { agency_code: construction, announced: null },
    ]);
  });

  /**
   * A dossier received Fri 20/11/2026 09:00 as the old calendar (without 24/11) dated it: the
   * dossier due Fri 27/11, stage 1 (2 working days) due `stageDueAt`. Its warnings are marked
   * announced so that the watch leaves its rows alone while the test runs.
   */
  const datedWithOldCalendar = async (stageDueAt: string, clockPauses: object[] = []) => {
    const intake = await h.intake(
      intakeBody(procedure, { receivedAt: '2026-11-20T09:00:00+07:00' }),
      { role: 'admin' },
    );
    expect(intake.status).toBe(201);
    const { id, code } = intake.body.dossier as { id: string; code: string };
    await h.db.query(
      `UPDATE dossier SET due_at = $2, original_due_at = $2, legal_due_at = $2, calendar_version = $3,
              due_soon_announced_for = $2, overdue_announced_for = $2 WHERE id = $1`,
      [id, '2026-11-27T17:00:00+07:00', OLD_VERSION],
    );
    await h.db.query(
      `UPDATE dossier_stage SET legal_due_at = $3, due_soon_announced_for = $3, overdue_announced_for = $3,
              clock_pauses = $4::jsonb,
              steps = (SELECT jsonb_agg(jsonb_set(e, '{dueAt}', to_jsonb($3::timestamptz))) FROM jsonb_array_elements(steps) e)
        WHERE dossier_id = $1 AND agency_code = $2`,
      [id, planning, stageDueAt, JSON.stringify(clockPauses)],
    );
    return { id, code };
  };
  const stageClock = async (id: string) =>
    (
      await h.db.query(
        `SELECT legal_due_at, clock_started_at, steps->0->>'dueAt' AS step_due FROM dossier_stage
          WHERE dossier_id = $1 AND agency_code = $2`,
        [id, planning],
      )
    ).rows[0];

  it('moves a running stage by one working day when a day off falls inside its window, and announces it', async () => {
    const running = await datedWithOldCalendar('2026-11-24T17:00:00+07:00');
    // Paused by another agency's supplement Wed 25/11 10:00 → Thu 26/11 10:00 (8 office hours):
    // the old calendar moved its 24/11 date to 25/11; from the clock start it is now 25/11 + 8 h.
    const paused = await datedWithOldCalendar('2026-11-25T17:00:00+07:00', [
      { from: '2026-11-25T03:00:00.000Z', to: '2026-11-26T03:00:00.000Z' },
    ]);
    expect((await stageClock(running.id)).clock_started_at).toEqual(
      new Date('2026-11-20T09:00:00+07:00'), // the clock start is stored at receipt
    );

    const applied = await h.request('POST', '/admin/calendar-change/rederive', {
      role: 'admin',
      body: { agencyCode: procedure.agencyCode, dryRun: false },
    });
    expect(applied.status).toBe(200);
    const entry = (id: string) =>
      applied.body.moved.find((d: { dossierId: string }) => d.dossierId === id);
    expect(entry(running.id)).toMatchObject({
      previousDueDate: '2026-11-27',
      dueDate: '2026-11-30',
      stages: [
        { order: 1, agencyCode: planning, previousDueDate: '2026-11-24', dueDate: '2026-11-25' },
      ],
    });
    expect(entry(paused.id).stages).toEqual([
      { order: 1, agencyCode: planning, previousDueDate: '2026-11-25', dueDate: '2026-11-26' },
    ]);
    expect(await stageClock(running.id)).toEqual({
      legal_due_at: new Date('2026-11-25T17:00:00+07:00'),
      clock_started_at: new Date('2026-11-20T09:00:00+07:00'),
      step_due: '2026-11-25T10:00:00.000Z', // its one internal step ends with it
    });
    expect((await stageClock(paused.id)).legal_due_at).toEqual(
      new Date('2026-11-26T17:00:00+07:00'),
    );
    const log = await h.db.query(
      `SELECT details->'stageClocks' AS clocks FROM dossier_action_log WHERE dossier_id = $1 AND action = 'rederive-due-date'`,
      [running.id],
    );
    expect(log.rows).toHaveLength(1);

    const event = await waitFor(
      'the due-date-rederived event with the stage',
      async () => of('due-date-rederived', running.id)[0],
    );
    expect(() => contractOfType(event.type)!.schema.parse(event.value)).not.toThrow();
    expect(event.value).toMatchObject({
      dueDate: '2026-11-30T10:00:00.000Z',
      previousDueDate: '2026-11-27T10:00:00.000Z',
      daysOffInPeriod: ['2026-11-24'],
      stageClocks: [
        {
          order: 1,
          agencyCode: planning,
          clockStartedAt: '2026-11-20T02:00:00.000Z',
          previousStageLegalDueDate: '2026-11-24T10:00:00.000Z',
          stageLegalDueDate: '2026-11-25T10:00:00.000Z',
        },
      ],
    });
    expect(log.rows[0].clocks).toEqual(event.value.stageClocks);
    // As the dossier-level re-derivation: the portal hears the new date, never the agencies.
    const portal = await waitFor('the portal status with the new date', async () =>
      messages.find(
        (m) =>
          m.topic === 'portal.dossier-status.v1' &&
          m.key === running.code &&
          m.value.dueAt === '20261130170000',
      ),
    );
    expect(JSON.stringify(portal.value)).not.toContain(planning);

    const again = await h.request('POST', '/admin/calendar-change/rederive', {
      role: 'admin',
      body: { agencyCode: procedure.agencyCode, dryRun: false },
    });
    expect(
      again.body.moved.filter((d: { dossierId: string }) =>
        [running.id, paused.id].includes(d.dossierId),
      ),
    ).toEqual([]);
  });
});
