import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { contractOfType } from '@motcua/contracts';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

type Message = { topic: string; type: string; key: string; value: Record<string, unknown> };

const agencyCode = (n: string) =>
  `${randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 3)
    .toUpperCase()}.00.${n}.H26`;

/**
 * The clocks of inter-agency stages through the real service, database and broker: the deadline
 * watch's stage-level warnings (once per stage and due date).
 */
describe('inter-agency stage clocks (một cửa liên thông)', () => {
  const h = new DossiersHarness();
  const planning = agencyCode('12'); // Sở Kế hoạch và Đầu tư: stage 1, 2 working days
  const construction = agencyCode('16'); // Sở Xây dựng: stage 2, 3 working days
  let procedure: TestProcedure;
  let consumer: Consumer;
  const messages: Message[] = [];

  beforeAll(async () => {
    // The deadline watch ticks every 200 ms: several runs happen while the test waits.
    await h.start(4361, { DEADLINE_WATCH_INTERVAL_MS: '200' });
    procedure = await h.addProcedure(
      testProcedure({
        interAgency: {
          direction: 'horizontal',
          stages: [
            {
              order: 1,
              agencyCode: planning,
              agencyName: 'Sở Kế hoạch và Đầu tư',
              external: false,
              share: 2,
              handsOn: [{ kind: 'result', code: 'MST', name: 'Mã số doanh nghiệp' }],
            },
            {
              order: 2,
              agencyCode: construction,
              agencyName: 'Sở Xây dựng',
              external: false,
              share: 3,
              handsOn: [{ kind: 'result', code: 'VBTD', name: 'Văn bản thẩm định' }],
            },
          ],
        },
      }),
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
});
