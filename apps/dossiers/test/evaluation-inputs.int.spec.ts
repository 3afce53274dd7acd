import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Consumer } from 'kafkajs';
import {
  mintTestToken,
  startService,
  testEnv,
  testKafka,
  waitFor,
  type RunningService,
} from '@motcua/testing';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

jest.setTimeout(300_000);

/**
 * The inputs of the 2018 evaluation that officers record on a dossier, end to end on the real
 * services: the dossiers service validates them and publishes through its outbox, the reporting
 * service (a separate process on the same broker) projects them and its figure changes.
 */
describe('evaluation inputs recorded on dossiers, as reporting computes them', () => {
  const h = new DossiersHarness();
  let reporting: RunningService;
  let reportingDb: Client;
  let procedure: TestProcedure;
  let consumer: Consumer;
  const seen: { type: string; key: string; value: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // One after the other: a service that fails to start never leaves the other running.
    reporting = await startService('reporting', 4341);
    await h.start(4340);
    reportingDb = new Client({ connectionString: testEnv.databaseUrl('reporting') });
    await reportingDb.connect();
    // In force since 2025 so that a dossier received in June 2025 (the 2018 evaluation's period) finds it.
    procedure = await h.addProcedure(
      testProcedure({
        decision: {
          number: '3/QĐ-UBND',
          kind: 'new',
          signedOn: '2024-12-20',
          effectiveFrom: '2025-01-01',
        },
      }),
    );
    consumer = testKafka(testEnv.kafkaBrokers(), 'dossiers-evaluation-inputs-test').consumer({
      groupId: `dossiers-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: ['dossiers.dossier.v1'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const type = message.headers?.ce_type?.toString() ?? '';
        if (/contact-recorded|supplement-requested/.test(type))
          seen.push({
            type,
            key: message.key?.toString() ?? '',
            value: JSON.parse(message.value?.toString() ?? '{}'),
          });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await reportingDb?.end();
    await Promise.all([h.stop(), reporting?.stop()]);
  });

  const evaluationOf = async (agency = procedure.agencyCode) => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const response = await fetch(
      `${reporting.url}/evaluation-61?agency=${agency}&period=quarter&date=${today}`,
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body: any = await response.json();
    const group = body.groups?.[0];
    const index = (code: string) =>
      group?.indices.find((i: { code: string }) => i.code === code) as
        { status: string; average: number | null; sampleSize: number } | undefined;
    return { group, index };
  };

  /** A dossier received (backdated by an administrator) on 16/6/2025, under Decree 61/2018, and processed now. */
  async function processedJune2025(of: TestProcedure) {
    const intake = await h.request('POST', '/dossiers', {
      role: 'admin',
      body: intakeBody(of, { receivedAt: '2025-06-16T09:00:00+07:00' }),
    });
    expect(intake.status).toBe(201);
    const { id, code } = intake.body.dossier as { id: string; code: string };
    for (const [action, body, role, unit] of [
      ['assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC'],
      ['complete-step', {}, 'desk_officer', 'VP.MC'],
      ['mark-processed', { electronicResult: true }, 'specialist', 'P.QLG'],
    ] as const)
      expect((await h.action(id, action, body, role, unit)).status).toBe(200);
    return { id, code };
  }

  it('a recorded contact with another body turns index 4 from no data into 0', async () => {
    const { id } = await processedJune2025(procedure);

    const before = await waitFor(
      'the processed dossier in the evaluation',
      async () => {
        const e = await evaluationOf();
        return e.group?.sampleSize === 1 ? e : undefined;
      },
      120_000,
    );
    // No input for index 4 yet: the report says so rather than guess.
    expect(before.index('agencies_contacted')).toMatchObject({
      status: 'no_data',
      average: null,
    });

    // Bad input: problem+json naming the field and the rule; nothing published.
    const bad = await h.request('POST', `/dossiers/${id}/contacts`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: { body: 'ministry', bodyName: 'Sở Xây dựng' },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors[0].field).toBe('body');
    const early = await h.request('POST', `/dossiers/${id}/contacts`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: {
        body: 'other_body',
        bodyName: 'Sở Xây dựng',
        contactedAt: '2025-06-15T09:00:00+07:00',
      },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({
      field: 'body.contactedAt',
      rule: 'after-receipt',
    });
    // Another agency's officer: the same 404 as a dossier that does not exist.
    const stranger = await h.request('POST', `/dossiers/${id}/contacts`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      agency: '999.00.15.H26',
      body: { body: 'other_body', bodyName: 'Sở Xây dựng' },
    });
    expect(stranger.status).toBe(404);

    const recorded = await h.request('POST', `/dossiers/${id}/contacts`, {
      role: 'desk_officer',
      unit: 'VP.MC',
      body: {
        body: 'other_body',
        bodyName: 'Sở Xây dựng',
        contactedAt: '2025-06-18T09:00:00+07:00',
      },
    });
    expect(recorded.status).toBe(201);
    const message = await waitFor(
      'the contact on Kafka',
      async () => seen.find((m) => m.key === id && m.type.includes('contact-recorded')),
      60_000,
    );
    expect(message.value).toMatchObject({
      dossierId: id,
      body: 'other_body',
      bodyName: 'Sở Xây dựng',
      legallyRequired: false,
      contactedAt: '2025-06-18T09:00:00+07:00',
      recordedBy: { unitCode: 'VP.MC' },
    });
    expect(seen.filter((m) => m.key === id)).toHaveLength(1);

    const after = await waitFor(
      'index 4 computed',
      async () => {
        const e = await evaluationOf();
        return e.index('agencies_contacted')?.status === 'computed' ? e : undefined;
      },
      120_000,
    );
    // Contacted a body other than the one-stop desk: 0 points (Circular 01/2018 index 4).
    expect(after.index('agencies_contacted')).toMatchObject({ average: 0, sampleSize: 1 });
  });

  it('a supplement request found to be the applicant’s fault carries its reason and is not counted by index 3', async () => {
    const intake = await h.intake(intakeBody(procedure));
    expect(intake.status).toBe(201);
    const id: string = intake.body.dossier.id;
    expect(
      (await h.action(id, 'assign', { officerId: randomUUID() }, 'desk_officer', 'VP.MC')).status,
    ).toBe(200);
    const missing = [{ documentCode: 'PAG', description: 'Phương án giá khai sai số liệu' }];
    const noReason = await h.action(
      id,
      'request-supplement',
      { missing, applicantFault: {} },
      'desk_officer',
      'VP.MC',
    );
    expect(noReason.status).toBe(400);
    expect(noReason.contentType).toContain('application/problem+json');
    expect(noReason.body.errors[0].field).toBe('applicantFault.reason');
    const reason = 'Người nộp hồ sơ kê khai sai số liệu trong phương án giá';
    const requested = await h.action(
      id,
      'request-supplement',
      { missing, applicantFault: { reason } },
      'desk_officer',
      'VP.MC',
    );
    expect(requested.status).toBe(200);
    const message = await waitFor(
      'the supplement request on Kafka',
      async () => seen.find((m) => m.key === id && m.type.includes('supplement-requested')),
      60_000,
    );
    expect(message.value).toMatchObject({ applicantFault: true, applicantFaultReason: reason });
    // Reporting counts the request and, apart, the ones the applicant caused: index 3 subtracts them.
    const fact = await waitFor(
      'the request in the reporting projection',
      async () => {
        const { rows } = await reportingDb.query(
          'SELECT supplement_count, fault_supplements FROM dossier_fact WHERE dossier_id = $1 ORDER BY generation DESC LIMIT 1',
          [id],
        );
        return rows[0]?.supplement_count === 1 ? rows[0] : undefined;
      },
      120_000,
    );
    expect(fact).toMatchObject({ supplement_count: 1, fault_supplements: 1 });
  });

  it('a feedback item linked to the dossier, a confirmed conduct complaint, turns index 7 from no data into 0', async () => {
    const feedback = await startService('feedback', 4342, { FEEDBACK_TRUSTED_PROXY_HOPS: '1' });
    try {
      const other = await h.addProcedure(
        testProcedure({
          decision: {
            number: '4/QĐ-UBND',
            kind: 'new',
            signedOn: '2024-12-20',
            effectiveFrom: '2025-01-01',
          },
        }),
      );
      const dossier = await processedJune2025(other);
      const before = await waitFor(
        'the processed dossier in the evaluation',
        async () => {
          const e = await evaluationOf(other.agencyCode);
          return e.group?.sampleSize === 1 ? e : undefined;
        },
        120_000,
      );
      expect(before.index('officer_attitude')).toMatchObject({ status: 'no_data', average: null });

      const call = async (method: string, path: string, body: unknown, role = 'desk_officer') => {
        const token = await mintTestToken({
          subject: `${role}-1`,
          roles: [role as 'desk_officer'],
          unit: 'VP.KSTT',
          agency: '000.00.15.H26',
        });
        const response = await fetch(`${feedback.url}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
          },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        // The answers are untyped JSON on purpose: the test asserts the fields it relies on.
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const answer: any = text ? JSON.parse(text) : undefined;
        return {
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: answer,
        };
      };
      const submitted = await call('POST', '/public/feedback', {
        senderType: 'business',
        contact: { name: 'Công ty TNHH Hùng Vương', email: `${randomUUID()}@hungvuong.example.vn` },
        subject: { kind: 'regulation', regulation: 'Quy trình thẩm định phương án giá' },
        title: `Cán bộ gây phiền hà khi thẩm định hồ sơ ${randomUUID().slice(0, 8)}`,
        content: 'Cán bộ yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ đã công bố.',
      });
      expect(submitted.status).toBe(201);
      const feedbackId: string = submitted.body.id;
      const link = { dossierCode: dossier.code, conduct: true, verification: 'confirmed' };

      // Bad input names the field; an unknown code and a verified non-conduct item break rules.
      const malformed = await call('PUT', `/feedback/${feedbackId}/dossier-link`, {
        ...link,
        dossierCode: 'not a code',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.contentType).toContain('application/problem+json');
      expect(malformed.body.errors[0].field).toBe('dossierCode');
      const unknown = await call('PUT', `/feedback/${feedbackId}/dossier-link`, {
        ...link,
        dossierCode: `${other.agencyCode}-250616-9999`,
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'body.dossierCode', rule: 'known-dossier' }),
      ]);
      const citizen = await call('PUT', `/feedback/${feedbackId}/dossier-link`, link, 'citizen');
      expect(citizen.status).toBe(403);

      // The feedback service learns the dossier's code from dossier.received (its own copy).
      const linked = await waitFor(
        'the dossier code known to the feedback service',
        async () => {
          const answer = await call('PUT', `/feedback/${feedbackId}/dossier-link`, link);
          return answer.status === 200 ? answer : undefined;
        },
        120_000,
      );
      expect(linked.body).toMatchObject({ feedbackId, dossierId: dossier.id, ...link });

      const after = await waitFor(
        'index 7 computed',
        async () => {
          const e = await evaluationOf(other.agencyCode);
          return e.index('officer_attitude')?.status === 'computed' ? e : undefined;
        },
        120_000,
      );
      // A confirmed PAKN on an officer's harassment: 0 points (Circular 01/2018 index 7).
      expect(after.index('officer_attitude')).toMatchObject({ average: 0, sampleSize: 1 });
    } finally {
      await feedback.stop();
    }
  });
});
