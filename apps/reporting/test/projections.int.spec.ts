import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  documentDigitized,
  dossierExtended,
  dossierFeePaid,
  dossierOverdue,
  dossierProcessed,
  dossierResultReturned,
  dossierResumed,
  dossierSubmitted,
  dossierSupplementRequested,
  feedbackAnswered,
  feedbackReceived,
  feedbackRated,
  portalSyncAcknowledged,
  resultIssued,
} from '@motcua/contracts';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import {
  mintTestToken,
  startService,
  testEnv,
  testKafka,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import { Index766Repository, boundsOf } from '../src/index-766/index-766.repository';
import { inputsOf } from '../src/index-766/index-766.rules';
import { resolvePeriod } from '../src/figures/period';
import type { ReportingDatabase } from '../src/reporting.database';
import {
  at,
  connectProducer,
  localToday,
  event,
  facts,
  getJson,
  newDossier,
  procedure,
  publish,
  received,
  uniqueAgency,
  type Built,
} from './fixtures';

jest.setTimeout(240_000);

describe('reporting projections and the figures API', () => {
  let service: RunningService;
  let producer: Producer;
  const agency = uniqueAgency();
  const code = randomProcedureCode();
  const [d1, d2, d3, d4] = [0, 1, 2, 3].map(() => newDossier(agency, code));
  const d1Processed = event(dossierProcessed, {
    ...dossierProcessed.example,
    ...facts(d1, 9, at(-2), { dueDate: at(24) }),
  } as never);

  beforeAll(async () => {
    service = await startService('reporting', 4601);
    producer = await connectProducer();
    const feedbackId = randomUUID();
    const fb = { feedbackId, feedbackCode: 'PAKN-T-1', agencyCode: agency };
    const events: Built[] = [
      procedure(code, agency, 'full'),
      // d1: online, processed on time, result returned; one scan synced, one electronic result
      received(d1, at(-5), at(24)),
      d1Processed,
      event(dossierResultReturned, {
        ...dossierResultReturned.example,
        ...facts(d1, 10, at(-1), { returnedAt: at(-1), dueDate: at(24) }),
      } as never),
      event(documentDigitized, {
        ...documentDigitized.example,
        documentId: randomUUID(),
        dossierId: d1.dossierId,
        dossierCode: d1.dossierCode,
        occurredAt: at(-5),
      }),
      event(resultIssued, {
        ...resultIssued.example,
        resultId: randomUUID(),
        dossierId: d1.dossierId,
        dossierCode: d1.dossierCode,
        issuingAgencyCode: agency,
        occurredAt: at(-2),
      }),
      // d2: in person, supplement (paused 1 h), extended, processed late
      received(d2, at(-6), at(-4), { channel: 'in_person' }),
      event(dossierSupplementRequested, {
        ...dossierSupplementRequested.example,
        ...facts(d2, 5, at(-5.5), { channel: 'in_person', supplementRequestedAt: at(-5.5) }),
      } as never),
      event(dossierResumed, {
        ...dossierResumed.example,
        ...facts(d2, 4, at(-4.5), {
          channel: 'in_person',
          supplementRequestedAt: at(-5.5),
          supplementReceivedAt: at(-4.5),
          dueDate: at(-4),
        }),
      } as never),
      event(dossierExtended, {
        ...dossierExtended.example,
        ...facts(d2, 4, at(-4.2), {
          channel: 'in_person',
          previousDueDate: at(-4),
          dueDate: at(-3),
        }),
      } as never),
      event(dossierProcessed, {
        ...dossierProcessed.example,
        ...facts(d2, 9, at(-1), { channel: 'in_person', dueDate: at(-3) }),
        electronicResult: false,
      } as never),
      // d3: online, still processing, overdue
      received(d3, at(-4), at(-3)),
      event(dossierOverdue, {
        ...dossierOverdue.example,
        ...facts(d3, 4, at(-2.9)),
        deadline: { scope: 'dossier', responsibleUnitCode: 'P.QLG', deadline: at(-3) },
        overdueSince: at(-3),
      } as never),
      // d4: submitted online, never received: not counted as received
      event(dossierSubmitted, {
        ...dossierSubmitted.example,
        ...facts(d4, 1, at(-1)),
        submittedAt: at(-1),
      } as never),
      event(feedbackReceived, {
        ...feedbackReceived.example,
        ...fb,
        occurredAt: at(-3),
        receivedAt: at(-3),
        procedureCode: code,
      }),
      event(feedbackAnswered, {
        ...feedbackAnswered.example,
        ...fb,
        occurredAt: at(-2),
        answerBy: at(48),
      }),
      event(feedbackRated, {
        ...feedbackRated.example,
        ...fb,
        occurredAt: at(-1),
        satisfaction: 'very_satisfied',
      }),
      // the portal accepted d1's and d2's status messages (and rejected one of d3's)
      ...[
        [d1, true],
        [d2, true],
        [d3, false],
      ].map(([d, accepted]) =>
        event(portalSyncAcknowledged, {
          ...portalSyncAcknowledged.example,
          dossierCode: (d as typeof d1).dossierCode,
          agencyCode: agency,
          acknowledgedAt: at(-0.9),
          accepted: accepted as boolean,
        }),
      ),
    ];
    await publish(producer, events);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const figuresOf = async (query = '') =>
    (await getJson(`${service.url}/figures?agency=${agency}${query}`)).body;

  it('projects dossiers, feedback and digitization into figures with sample sizes and cut-offs', async () => {
    // The procedure version comes on the catalog topic, which may be projected after the others.
    await waitFor(
      'the procedure version projected',
      async () => {
        const client = new Client({ connectionString: testEnv.databaseUrl('reporting') });
        await client.connect();
        try {
          const { rowCount } = await client.query('SELECT 1 FROM procedure_fact WHERE code = $1', [
            code,
          ]);
          return rowCount ? true : undefined;
        } finally {
          await client.end();
        }
      },
      120_000,
    );
    const answer = await waitFor(
      'figures of the test agency',
      async () => {
        const body = await figuresOf();
        const f = body.groups[0].figures;
        return f.received.value === 3 &&
          f.processed.value === 2 &&
          f.feedback_received.value === 1 &&
          f.scans.value === 1 &&
          f.satisfaction_rate.value !== null
          ? body
          : undefined;
      },
      120_000,
    );
    const f = answer.groups[0].figures;
    expect(f.received_online.value).toBe(2);
    expect(f.received_in_person.value).toBe(1);
    expect(f.in_progress.value).toBe(1);
    expect(f.returned.value).toBe(1);
    expect(f.on_time_rate).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
      sampleSize: 2,
    });
    expect(f.late_rate.value).toBe(0.5);
    expect(f.supplements.value).toBe(1);
    expect(f.extensions.value).toBe(1);
    expect(f.online_full_share).toMatchObject({ numerator: 2, denominator: 3 });
    expect(f.electronic_result_rate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(f.feedback_on_time_rate.value).toBe(1);
    expect(f.satisfaction_rate).toMatchObject({ value: 1, sampleSize: 1 });
    expect(f.store_sync_rate.value).toBe(1);
    expect(f.results_issued_electronic_rate.value).toBe(1);
    expect(f.avg_processing_days.value).toBeGreaterThan(0);
    expect(f.received.sampleSize).toBe(3);
    const cutOff = Date.parse(f.received.lastEventAt);
    expect(cutOff).toBeGreaterThan(Date.now() - 1.5 * 3600000);
    expect(cutOff).toBeLessThan(Date.now() - 0.5 * 3600000);
    expect(answer.period.kind).toBe('month');
  });

  it('lists the overdue dossier and scores the 766 index from the same figures', async () => {
    const overdue = (await getJson(`${service.url}/figures/overdue?agency=${agency}`)).body;
    expect(overdue.dossiers.map((d: { dossierCode: string }) => d.dossierCode)).toEqual([
      d3.dossierCode,
    ]);
    // the acknowledgements travel on their own topic: wait until all three are projected
    const index = await waitFor(
      'the portal acknowledgements projected',
      async () => {
        const body = (await getJson(`${service.url}/index-766?agency=${agency}`)).body;
        const sync = body.groups.find((g: { code: string }) => g.code === 'transparency')
          .criteria[3];
        return sync.status === 'computed' && sync.numerator === 2 ? body : undefined;
      },
      60_000,
    );
    const progress = index.groups.find((g: { code: string }) => g.code === 'progress');
    // as the portal counts: d1 on time; d2 finished at -1 h, minus its 1 h supplement wait = -2 h, after its synced
    // due date -3 h: late; d3 in progress past its due date: late (the backlog counts); d4 never received → 20 × 1/3
    expect(progress.points).toBe(6.67);
    expect(progress.criteria[0]).toMatchObject({ numerator: 1, denominator: 3 });
    const transparency = index.groups.find((g: { code: string }) => g.code === 'transparency');
    expect(transparency.criteria.map((c: { status: string }) => c.status)).toEqual([
      'not_available',
      'not_available',
      'not_available',
      'computed',
    ]);
    // d1 and d2 accepted of the three received → 6 × 2/3 = 4
    expect(transparency.criteria[3]).toMatchObject({ numerator: 2, denominator: 3, points: 4 });
    expect(index.label).toBe('không so sánh với điểm Cổng');
    expect(index.score).toBeGreaterThan(10);
  });

  it('counts the 766 inputs in SQL exactly as the reference rules count the records', async () => {
    const client = new Client({ connectionString: testEnv.databaseUrl('reporting') });
    await client.connect();
    try {
      const db = {
        $queryRawUnsafe: async (sql: string, ...values: unknown[]) =>
          (await client.query(sql, values)).rows,
      } as unknown as ReportingDatabase;
      const repository = new Index766Repository(db);
      const [{ generation }] = (
        await client.query(`SELECT generation FROM projection_generation WHERE status = 'active'`)
      ).rows;
      const now = new Date();
      for (const [period, filters] of [
        [resolvePeriod('month'), { agency }],
        [resolvePeriod('month'), {}],
        [resolvePeriod('year'), {}],
      ] as const) {
        const [dossiers, feedback] = await Promise.all([
          repository.dossiers(generation, period, filters),
          repository.feedback(generation, period, (filters as { agency?: string }).agency),
        ]);
        const reference = inputsOf(dossiers, feedback, boundsOf(period, now), null);
        const counted = await repository.inputs(generation, period, filters, null, now);
        expect({ period: period.kind, filters, ...counted }).toEqual({
          period: period.kind,
          filters,
          ...reference,
        });
      }
    } finally {
      await client.end();
    }
  });

  it('ignores a redelivered event (inbox) and keeps later events of the same dossier', async () => {
    await publish(producer, [
      d1Processed,
      event(dossierFeePaid, {
        ...dossierFeePaid.example,
        ...facts(d1, 10, at(-0.5)),
        method: 'online',
        paidAt: at(-0.5),
      } as never),
    ]);
    const f = await waitFor(
      'the fee payment after the duplicate',
      async () => {
        const body = await figuresOf();
        return body.groups[0].figures.online_payment_rate.denominator === 1
          ? body.groups[0].figures
          : undefined;
      },
      60_000,
    );
    expect(f.processed.value).toBe(2);
    expect(f.on_time_rate.denominator).toBe(2);
  });

  it('serves each figure as CSV and JSON, grouped by procedure', async () => {
    const csv = await getJson(
      `${service.url}/figures/on_time_rate?agency=${agency}&groupBy=procedure&format=csv`,
    );
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('key,figure,value,numerator,denominator,sampleSize,lastEventAt');
    expect(lines[1]).toMatch(
      new RegExp(`^${code.replace('.', '\\.')},on_time_rate,0\\.5,1,2,2,\\d{4}-`),
    );
    const json = (await getJson(`${service.url}/figures/received?agency=${agency}&groupBy=channel`))
      .body;
    expect(json.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      ['in_person', 1],
      ['online', 2],
    ]);
  });

  it('exports the quarterly report as a spreadsheet and a PDF for officials', async () => {
    const [year, month] = localToday().split('-').map(Number);
    const query = `kind=quarterly&year=${year}&quarter=${Math.floor((month - 1) / 3) + 1}&agency=${agency}`;
    expect((await fetch(`${service.url}/reports?${query}`)).status).toBe(401);
    const headers = {
      authorization: `Bearer ${await mintTestToken({ subject: 'leader-1', roles: ['leader'], agency })}`, // a leader of the report's agency
    };
    const xlsx = await fetch(`${service.url}/reports?${query}&format=xlsx`, { headers });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const summary = book.getWorksheet('Tổng hợp')!;
    const rows = new Map<string, unknown>();
    summary.eachRow((row) => rows.set(row.getCell(1).text, row.getCell(2).value));
    expect(rows.get('Hồ sơ tiếp nhận')).toBe(3);
    expect(rows.get('Tỷ lệ đúng hạn')).toBe(0.5);
    expect(summary.getRow(1).getCell(1).text).toMatch(
      /^Báo cáo tình hình giải quyết thủ tục hành chính quý (I|II|III|IV) năm \d{4}$/,
    );
    const pdf = await fetch(`${service.url}/reports?${query}&format=pdf`, { headers });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.includes(Buffer.from('DejaVuSans'))).toBe(true);
  });

  it('answers a bad query with problem+json naming the field and the rule', async () => {
    const range = await getJson(`${service.url}/figures?period=range&from=2026-02-01`);
    expect(range.status).toBe(400);
    expect(range.type).toMatch(/application\/problem\+json/);
    expect(range.body.errors).toEqual([
      expect.objectContaining({
        field: 'query.to',
        rule: 'custom',
        message: 'is required when period is range',
      }),
    ]);
    const figure = await getJson(`${service.url}/figures/no_such_figure`);
    expect(figure.status).toBe(400);
    expect(figure.body.errors[0]).toMatchObject({ field: 'param.name', rule: 'invalid_value' });
  });

  it('counts and skips unknown event types, and dead-letters malformed messages', async () => {
    const marker = `malformed-${randomUUID()}`;
    const unknownType = `motcua.dossier.teleported.v${Date.now() % 1000}`;
    await producer.send({
      topic: 'dossiers.dossier.v1',
      messages: [
        {
          key: marker,
          value: Buffer.from('{"not":"an event"}'),
          headers: { 'content-type': 'application/json' },
        },
        {
          key: randomUUID(),
          value: Buffer.from('{}'),
          headers: {
            'content-type': 'application/json',
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_source: '/test',
            ce_type: unknownType,
            ce_time: new Date().toISOString(),
            ce_correlationid: 'test',
          },
        },
      ],
    });
    await waitFor(
      'the unknown type in the metrics',
      async () => {
        const metrics = (await getJson(service.metricsUrl)).body as string;
        return metrics.includes(`type="${unknownType}",outcome="unknown-type"`) ? true : undefined;
      },
      60_000,
    );
    const consumer = testKafka(testEnv.kafkaBrokers(), 'reporting-dlq-reader').consumer({
      groupId: `reporting-dlq-test-${randomUUID()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: 'dlq.reporting.v1', fromBeginning: true });
    let headers: Record<string, string> | undefined;
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() !== marker) return;
        headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
      },
    });
    try {
      await waitFor('the malformed message on dlq.reporting.v1', async () => headers, 60_000);
    } finally {
      await consumer.disconnect();
    }
    expect(headers).toMatchObject({
      dlq_reason: 'malformed',
      dlq_original_topic: 'dossiers.dossier.v1',
    });
    expect(headers!.dlq_consumer_group).toMatch(/^motcua\.reporting\.g\d+\./);
    const health = await getJson(`${service.url}/health`);
    expect(health.status).toBe(200);
  });
});
