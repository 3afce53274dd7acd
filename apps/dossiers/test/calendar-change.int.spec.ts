import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { calendarVersion } from '@motcua/calendar';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; key: string; value: Record<string, unknown> };
const OLD_VERSION = 'vn-cal-1-vn-gov-decisions-a1b2c3d4e5f6a7b8';

/**
 * A calendar change on the real database and broker: dossiers dated before Vietnamese Culture Day
 * (24/11/2026, Nghị quyết 28/2026/QH16) was in the calendar are re-derived by the admin endpoint.
 */
describe('calendar change: re-deriving open dossiers (admin endpoint, outbox, Kafka)', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    await h.start(4309);
    procedure = await h.addProcedure(testProcedure());
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-calendar-change-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: ['dossiers.dossier.v1', 'portal.dossier-status.v1'],
      fromBeginning: false,
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

  const receive = async (receivedAt: string) => {
    const response = await h.intake(intakeBody(procedure, { receivedAt }), { role: 'admin' });
    expect(response.status).toBe(201);
    return response.body.dossier as { id: string; code: string; appointmentDate: string };
  };
  /** The dossier as it was stored before the calendar knew 24/11/2026: due Friday 27/11. */
  const datedWithOldCalendar = async (id: string, dueAt: string, extensionCount = 0) => {
    await h.db.query(
      `UPDATE dossier SET due_at = $2, original_due_at = $2, legal_due_at = $2, calendar_version = $3, extension_count = $4 WHERE id = $1`,
      [id, dueAt, OLD_VERSION, extensionCount],
    );
  };
  /** Limited to this run's agency: other test files' dossiers stay as they are. */
  const rederive = (body: Record<string, unknown>, role: 'admin' | 'leader' = 'admin') =>
    h.request('POST', '/admin/calendar-change/rederive', {
      role,
      body: { agencyCode: procedure.agencyCode, ...body },
    });

  it('dates a dossier received Fri 20/11/2026 with 5 working days on Mon 30/11 (24/11 off)', async () => {
    const dossier = await receive('2026-11-20T09:00:00+07:00');
    expect(dossier.appointmentDate).toBe('2026-11-30');
  });

  it('numbers the 10,000th dossier of an agency-day -10000 (Circular 03/2025 Art. 13(3)(d)), led by the resolving agency', async () => {
    await h.db.query(
      `INSERT INTO dossier_code_counter (agency_code, day, value) VALUES ($1, '2026-11-19', 9999)
       ON CONFLICT (agency_code, day) DO UPDATE SET value = 9999`,
      [procedure.agencyCode],
    );
    const dossier = await receive('2026-11-19T10:00:00+07:00');
    expect(dossier.code).toBe(`${procedure.agencyCode}-261119-10000`);
  });

  it('lists, then re-derives, the dossiers the change moves; keeps printed and promised dates; announces each change', async () => {
    const moved = await receive('2026-11-20T10:00:00+07:00');
    const promised = await receive('2026-11-20T11:00:00+07:00');
    const right = await receive('2026-11-20T14:00:00+07:00');
    const broken = await receive('2026-11-20T15:00:00+07:00');
    await datedWithOldCalendar(moved.id, '2026-11-27T17:00:00+07:00');
    // A row no event may carry (an applicant key that is not a digest): it fails alone, the run goes on.
    // Dated in the future so that no deadline watch of another test file trips over it; repaired below.
    await datedWithOldCalendar(broken.id, '2026-12-31T17:00:00+07:00');
    await h.db.query(`UPDATE dossier SET applicant_key = 'not-a-digest' WHERE id = $1`, [
      broken.id,
    ]);
    // Extended: the apology promised Fri 4/12; the legal due date was Fri 27/11 by the old calendar.
    await datedWithOldCalendar(promised.id, '2026-11-27T17:00:00+07:00', 1);
    await h.db.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [
      promised.id,
      '2026-12-04T17:00:00+07:00',
    ]);
    await h.db.query(`UPDATE dossier SET calendar_version = $2 WHERE id = $1`, [
      right.id,
      OLD_VERSION,
    ]);
    const ours = (list: { dossierId: string }[]) =>
      list.filter((d) => [moved.id, promised.id, right.id, broken.id].includes(d.dossierId));

    const forbidden = await rederive({ dryRun: true }, 'leader');
    expect(forbidden.status).toBe(403);
    const malformed = await rederive({ dryRun: 'yes' });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({ field: 'dryRun', rule: 'invalid_type' }),
    ]);
    const empty = await h.request('POST', '/admin/calendar-change/rederive', {
      role: 'admin',
      body: {},
    });
    expect(empty.status).toBe(400); // a run is never started by an empty body
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);

    const dry = await rederive({ dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.calendarVersion).toBe(calendarVersion);
    const order = [moved.id, promised.id, broken.id];
    const byReceipt = (list: { dossierId: string }[]) =>
      ours(list).sort((a, b) => order.indexOf(a.dossierId) - order.indexOf(b.dossierId));
    expect(byReceipt(dry.body.moved)).toEqual([
      expect.objectContaining({
        dossierId: moved.id,
        outcome: 'moved',
        previousDueDate: '2026-11-27',
        dueDate: '2026-11-30',
        printedAppointmentDate: '2026-11-27',
        daysOffInPeriod: ['2026-11-24'],
        onTimeBefore: 'overdue',
        onTimeAfter: 'overdue',
        promisedDateKept: false,
        promisedDate: '2026-11-30',
      }),
      // Extended: the legal due date moves 27/11 → 30/11, the date promised in the apology stays.
      expect.objectContaining({
        dossierId: promised.id,
        outcome: 'moved',
        previousDueDate: '2026-11-27',
        dueDate: '2026-11-30',
        promisedDateKept: true,
        promisedDate: '2026-12-04',
      }),
      expect.objectContaining({ dossierId: broken.id, outcome: 'moved' }), // a dry run announces nothing, so it cannot fail
    ]);
    expect(ours(dry.body.promisedDateKept).map((d: { dossierId: string }) => d.dossierId)).toEqual([
      promised.id,
    ]);
    const untouched = await h.db.query(
      `SELECT due_at, calendar_version FROM dossier WHERE id = $1`,
      [moved.id],
    );
    expect(untouched.rows[0]).toEqual({
      due_at: new Date('2026-11-27T17:00:00+07:00'),
      calendar_version: OLD_VERSION,
    });

    const applied = await rederive({ dryRun: false });
    expect(applied.status).toBe(200);
    expect(byReceipt(applied.body.moved).map((d: { dossierId: string }) => d.dossierId)).toEqual([
      moved.id,
      promised.id,
    ]);
    expect(ours(applied.body.failed)).toEqual([
      { dossierId: broken.id, error: expect.stringContaining('applicantKey') },
    ]);
    const kept = await h.db.query(`SELECT due_at, calendar_version FROM dossier WHERE id = $1`, [
      broken.id,
    ]);
    expect(kept.rows[0]).toEqual({
      due_at: new Date('2026-12-31T17:00:00+07:00'),
      calendar_version: OLD_VERSION,
    });
    const rows = await h.db.query(
      `SELECT id, due_at, legal_due_at, original_due_at, calendar_version FROM dossier WHERE id = ANY($1::uuid[]) ORDER BY received_at`,
      [[moved.id, promised.id, right.id]],
    );
    expect(rows.rows).toEqual([
      {
        id: moved.id,
        due_at: new Date('2026-11-30T17:00:00+07:00'),
        legal_due_at: new Date('2026-11-30T17:00:00+07:00'),
        original_due_at: new Date('2026-11-27T17:00:00+07:00'),
        calendar_version: calendarVersion,
      },
      {
        id: promised.id,
        due_at: new Date('2026-12-04T17:00:00+07:00'),
        legal_due_at: new Date('2026-11-30T17:00:00+07:00'),
        original_due_at: new Date('2026-11-27T17:00:00+07:00'),
        calendar_version: calendarVersion,
      },
      {
        id: right.id,
        due_at: new Date('2026-11-30T17:00:00+07:00'),
        legal_due_at: new Date('2026-11-30T17:00:00+07:00'),
        original_due_at: new Date('2026-11-30T17:00:00+07:00'),
        calendar_version: calendarVersion,
      },
    ]);
    const steps = await h.db.query(
      `SELECT max(due_at) AS last FROM dossier_step WHERE dossier_id = $1`,
      [moved.id],
    );
    expect(steps.rows[0].last).toEqual(new Date('2026-11-30T17:00:00+07:00'));
    const log = await h.db.query(
      `SELECT action, details FROM dossier_action_log WHERE dossier_id = $1 ORDER BY id`,
      [moved.id],
    );
    expect(log.rows.map((r: { action: string }) => r.action)).toEqual([
      'intake',
      'rederive-due-date',
    ]);

    const event = await waitFor('the due-date-rederived event', async () =>
      messages.find((m) => m.type === 'motcua.dossier.due-date-rederived.v1' && m.key === moved.id),
    );
    expect(event.value).toMatchObject({
      dossierId: moved.id,
      dossierCode: moved.code,
      dueDate: '2026-11-30T10:00:00.000Z',
      previousDueDate: '2026-11-27T10:00:00.000Z',
      printedAppointmentDate: '2026-11-27T10:00:00.000Z',
      calendarVersion,
      previousCalendarVersion: OLD_VERSION,
      daysOffInPeriod: ['2026-11-24'],
    });
    await waitFor('the portal status with the new date', async () =>
      messages.find(
        (m) =>
          m.topic === 'portal.dossier-status.v1' &&
          m.key === moved.code &&
          m.value.dueAt === '20261130170000',
      ),
    );
    // The extended dossier: its event carries the new legal date and the promised one unchanged;
    // the portal's NgayHenTra stays the promised date.
    const keptEvent = await waitFor('the extended dossier’s event', async () =>
      messages.find(
        (m) => m.type === 'motcua.dossier.due-date-rederived.v1' && m.key === promised.id,
      ),
    );
    expect(keptEvent.value).toMatchObject({
      dueDate: '2026-12-04T10:00:00.000Z',
      legalDueDate: '2026-11-30T10:00:00.000Z',
      previousDueDate: '2026-11-27T10:00:00.000Z',
    });
    await waitFor('the portal status keeping the promised date', async () =>
      messages.find(
        (m) =>
          m.topic === 'portal.dossier-status.v1' &&
          m.key === promised.code &&
          m.value.dueAt === '20261204170000',
      ),
    );
    expect(
      messages.filter(
        (m) => m.type === 'motcua.dossier.due-date-rederived.v1' && m.key === right.id,
      ),
    ).toEqual([]);

    const again = await rederive({ dryRun: false });
    expect(ours(again.body.moved)).toEqual([]);
    expect(ours(again.body.promisedDateKept)).toEqual([]);
    await h.db.query(`UPDATE dossier SET applicant_key = $2 WHERE id = $1`, [
      broken.id,
      'a'.repeat(64),
    ]);
  });
});
