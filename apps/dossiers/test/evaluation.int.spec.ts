import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { testEnv, testKafka, waitFor } from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

/** The applicant's evaluation over HTTP: validated, once per decided dossier, published through the outbox. */
describe('dossier evaluation (đánh giá giải quyết hồ sơ)', () => {
  const h = new DossiersHarness();
  let procedure: TestProcedure;
  let consumer: Consumer;
  const evaluated: { key: string; value: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    await h.start(4310);
    procedure = await h.addProcedure(testProcedure());
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-evaluation-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: ['dossiers.dossier.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.headers?.ce_type?.toString() === 'motcua.dossier.evaluated.v1') {
          evaluated.push({
            key: message.key?.toString() ?? '',
            value: JSON.parse(message.value?.toString() ?? '{}'),
          });
        }
      },
    });
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await h.stop();
  });

  /** An online dossier of `subject`, taken to processed by the officers. */
  async function processedDossier(subject: string): Promise<string> {
    const intake = await h.intake(intakeBody(procedure, { channel: 'online' }), {
      role: 'citizen',
      subject,
    });
    const id: string = intake.body.dossier.id;
    const steps: [string, unknown, 'desk_officer' | 'specialist' | 'leader', string][] = [
      ['assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'],
      ['complete-step', {}, 'desk_officer', 'VP.MC'],
      ['mark-processed', { electronicResult: true }, 'specialist', 'P.QLG'],
    ];
    for (const [action, body, role, unit] of steps)
      expect((await h.action(id, action, body, role, unit)).status).toBe(200);
    return id;
  }

  it('publishes the owner’s evaluation once, and refuses a second one', async () => {
    const id = await processedDossier('citizen-eval');
    const body = {
      satisfaction: 'dissatisfied',
      officerConduct: 'harassment',
      agenciesContacted: 'several',
      publication: 'posted_or_electronic',
    };
    const first = await h.request('POST', `/dossiers/${id}/evaluation`, {
      role: 'citizen',
      subject: 'citizen-eval',
      body,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ dossierId: id, recordedBy: 'applicant', ...body });
    const message = await waitFor(
      'the evaluation on Kafka',
      async () => evaluated.find((m) => m.key === id),
      60_000,
    );
    expect(message.value).toMatchObject({
      dossierId: id,
      recordedBy: 'applicant',
      satisfaction: 'dissatisfied',
      officerConduct: 'harassment',
      agenciesContacted: 'several',
      portalStatus: 9,
    });
    const again = await h.request('POST', `/dossiers/${id}/evaluation`, {
      role: 'citizen',
      subject: 'citizen-eval',
      body,
    });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body.errors).toEqual([expect.objectContaining({ rule: 'once' })]);
  });

  it('hides another citizen’s dossier, refuses an undecided one and names the invalid field', async () => {
    const id = await processedDossier('citizen-owner-2');
    const valid = { satisfaction: 'satisfied', officerConduct: 'proper' };
    expect(
      (
        await h.request('POST', `/dossiers/${id}/evaluation`, {
          role: 'citizen',
          subject: 'citizen-stranger',
          body: valid,
        })
      ).status,
    ).toBe(404);
    const bad = await h.request('POST', `/dossiers/${id}/evaluation`, {
      role: 'citizen',
      subject: 'citizen-owner-2',
      body: { ...valid, satisfaction: 'meh' },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors[0].field).toBe('satisfaction');
    const open = (await h.intake(intakeBody(procedure))).body.dossier.id;
    const early = await h.request('POST', `/dossiers/${open}/evaluation`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: valid,
    });
    expect(early.status).toBe(409);
    expect(early.body.errors[0].rule).toBe('decided');
  });

  it('lets the desk officer enter a paper form with its date', async () => {
    const id = await processedDossier('citizen-paper');
    const evaluatedAt = new Date().toISOString();
    const paper = await h.request('POST', `/dossiers/${id}/evaluation`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: { satisfaction: 'very_satisfied', officerConduct: 'proper', evaluatedAt },
    });
    expect(paper.status).toBe(201);
    const message = await waitFor(
      'the paper evaluation on Kafka',
      async () => evaluated.find((m) => m.key === id),
      60_000,
    );
    expect(message.value).toMatchObject({
      recordedBy: 'desk_officer',
      recorder: { unitCode: 'VP.MC' },
      evaluatedAt,
    });
    const future = await processedDossier('citizen-paper-2');
    const wrong = await h.request('POST', `/dossiers/${future}/evaluation`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: {
        satisfaction: 'satisfied',
        officerConduct: 'proper',
        evaluatedAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'body.evaluatedAt', rule: 'not-future' });
  });
});
