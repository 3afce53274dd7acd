import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  dossierContactRecorded,
  dossierEvaluated,
  dossierProcessed,
  dossierResumed,
  dossierStepCompleted,
  dossierSupplementRequested,
  feedbackLinked,
} from '@motcua/contracts';
import ExcelJS from 'exceljs';
import {
  mintTestToken,
  startService,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import {
  at as atFrom,
  connectProducer,
  event,
  facts,
  getJson,
  newDossier,
  procedure,
  publish,
  received,
  uniqueAgency,
  type Built,
  type Dossier,
} from './fixtures';

jest.setTimeout(240_000);

/** The evaluation applies to dossiers received to 30/6/2025: the events are dated around 20/6/2025 10:00 (+07:00). */
const BASE = Date.parse('2025-06-20T10:00:00+07:00');
const at = (hours: number) => atFrom(hours, BASE);
const QUARTER = 'period=quarter&date=2025-06-20';

/** Decree 61 evaluation from events: three finished dossiers received in June 2025 whose dossier indices average to 1; no rating from a partial set. */
describe('Decree 61 evaluation (đánh giá việc giải quyết TTHC)', () => {
  let service: RunningService;
  let producer: Producer;
  const agency = uniqueAgency();
  const [full, partial] = [randomProcedureCode(), randomProcedureCode()];
  const a = newDossier(agency, full);
  const b = newDossier(agency, partial);
  const c = newDossier(agency, partial);
  const open = newDossier(agency, full);
  const late = newDossier(agency, full);

  const step = (d: Dossier, hours: number, stepDueDate: string, channel = 'online') =>
    event(dossierStepCompleted, {
      ...dossierStepCompleted.example,
      ...facts(d, 4, at(hours), { channel }),
      stepOrder: 2,
      stepName: 'Thẩm định',
      completedBy: { unitCode: 'P.QLG' },
      stepDueDate,
    } as never);
  const supplement = (
    d: Dossier,
    requested: number,
    resumed: number,
    dueDate: string,
    channel = 'online',
  ): Built[] => [
    event(dossierSupplementRequested, {
      ...dossierSupplementRequested.example,
      ...facts(d, 5, at(requested), { channel, supplementRequestedAt: at(requested) }),
    } as never),
    event(dossierResumed, {
      ...dossierResumed.example,
      ...facts(d, 4, at(resumed), {
        channel,
        supplementRequestedAt: at(requested),
        supplementReceivedAt: at(resumed),
        dueDate,
      }),
    } as never),
  ];
  const processed = (d: Dossier, hours: number, channel = 'online') =>
    event(dossierProcessed, {
      ...dossierProcessed.example,
      ...facts(d, 9, at(hours), { channel }),
      electronicResult: true,
    } as never);

  beforeAll(async () => {
    service = await startService('reporting', 4682);
    producer = await connectProducer();
    const events: Built[] = [
      procedure(full, agency, 'full'),
      procedure(partial, agency, 'partial'),
      // a: online, fully online procedure, its step early, finished two days before its due day: 2, 2, 2, 2
      received(a, at(-50), at(30)),
      step(a, -40, at(20)),
      processed(a, -30),
      // b: in person, one supplement, its step late, finished late: 0, 0, 1, 0
      received(b, at(-50), at(-30), { channel: 'in_person' }),
      ...supplement(b, -49, -48, at(-3), 'in_person'),
      step(b, -40, at(-45), 'in_person'),
      processed(b, -2, 'in_person'),
      // c: online, partly online procedure, two supplements, finished by its due date the same day: 1, –, 0, 1
      received(c, at(-50), at(-20)),
      ...supplement(c, -49, -48, at(-20)),
      ...supplement(c, -47, -46, at(-0.9)),
      processed(c, -1),
      // a: the applicant evaluated it: contacted no body 2, publication by both means 2, proper conduct and early 2
      event(dossierEvaluated, {
        ...dossierEvaluated.example,
        ...facts(a, 9, at(-29)),
        recordedBy: 'applicant',
        evaluatedAt: at(-29),
        satisfaction: 'satisfied',
        officerConduct: 'proper',
        agenciesContacted: 'none',
        publication: 'posted_and_electronic',
      } as never),
      // b: had to contact another body (0 on index 4) and a confirmed PAKN on an officer's conduct (0 on index 7)
      event(dossierContactRecorded, {
        ...dossierContactRecorded.example,
        ...facts(b, 4, at(-44), { channel: 'in_person' }),
        body: 'other_body',
        legallyRequired: false,
        contactedAt: at(-44),
        recordedBy: { unitCode: 'VP.MC' },
      } as never),
      event(feedbackLinked, {
        ...feedbackLinked.example,
        feedbackId: randomUUID(),
        agencyCode: agency,
        occurredAt: at(-1),
        dossierId: b.dossierId,
        dossierCode: b.dossierCode,
        conduct: true,
        verification: 'confirmed',
      }),
      // open: received, not finished (due after the quarter): not evaluated
      received(open, at(-10), at(400)),
      // late: received 1/7/2025 and finished: under Decree 118, not evaluated
      received(late, '2025-07-01T08:00:00+07:00', '2025-07-08T17:00:00+07:00'),
      event(dossierProcessed, {
        ...dossierProcessed.example,
        ...facts(late, 9, '2025-07-02T10:00:00+07:00'),
        electronicResult: true,
      } as never),
    ];
    await publish(producer, events);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  it('scores the indices from the events against the legal due date, gives no rating from a partial set', async () => {
    const body = await waitFor(
      'the three finished dossiers evaluated',
      async () => {
        const answer = (await getJson(`${service.url}/evaluation-61?agency=${agency}&${QUARTER}`))
          .body;
        const index = (code: string) =>
          answer.groups[0]?.indices.find((i: { code: string }) => i.code === code);
        const complete =
          answer.groups[0]?.sampleSize === 3 &&
          index('agency_time')?.sampleSize === 2 &&
          index('officer_attitude')?.sampleSize === 2 &&
          index('agencies_contacted')?.sampleSize === 2;
        return complete ? answer : undefined;
      },
      120_000,
    );
    const g = body.groups[0];
    const byCode = Object.fromEntries(g.indices.map((i: { code: string }) => [i.code, i]));
    // a 2, b 0 (after the due date set by its supplement restart), c 1 → 1
    expect(byCode.total_time).toMatchObject({ status: 'computed', average: 1, sampleSize: 3 });
    expect(byCode.agency_time).toMatchObject({ status: 'computed', average: 1, sampleSize: 2 });
    // a none 2, b one request 1, c two requests 0 → 1
    expect(byCode.contacts).toMatchObject({ status: 'computed', average: 1, sampleSize: 3 });
    // no PAKN for the agency: index 8 is 2
    expect(byCode.feedback_handling).toMatchObject({
      status: 'computed',
      average: 2,
      sampleSize: 1,
    });
    expect(byCode.one_stop_desk).toMatchObject({ status: 'not_available', average: null });
    // a 2 (answer), b 0 (recorded contact with another body) → 1; publication a 2; attitude a 2, b 0 (PAKN) → 1
    expect(byCode.agencies_contacted).toMatchObject({
      status: 'computed',
      average: 1,
      sampleSize: 2,
    });
    expect(byCode.publication).toMatchObject({ status: 'computed', average: 2, sampleSize: 1 });
    expect(byCode.officer_attitude).toMatchObject({
      status: 'computed',
      average: 1,
      sampleSize: 2,
    });
    expect(g.computedIndices).toEqual(expect.arrayContaining([1, 2, 3, 4, 6, 7, 8]));
    expect(g).toMatchObject({ points: null, band: null });
    expect(g.ratingWithheld).toMatch(/^No rating/);
    expect(body.notAppliedFrom).toMatchObject({ date: '2025-07-01', dossiersFinishedInPeriod: 0 });
    expect(body.notAppliedFrom.reason).toMatch(/Decree 118\/2025/);
    expect(body.period.kind).toBe('quarter');
  });

  it('applies nothing to dossiers received from 1/7/2025 and says why', async () => {
    const answer = await waitFor(
      'the July dossier projected',
      async () => {
        const body = (
          await getJson(
            `${service.url}/evaluation-61?agency=${agency}&period=quarter&date=2025-07-15`,
          )
        ).body;
        return body.notAppliedFrom?.dossiersFinishedInPeriod === 1 ? body : undefined;
      },
      60_000,
    );
    expect(answer.applies).toBe(false);
    expect(answer.groups[0]).toMatchObject({ sampleSize: 0, points: null, band: null });
  });

  it('serves the evaluation per agency as CSV', async () => {
    const csv = await getJson(
      `${service.url}/evaluation-61?agency=${agency}&groupBy=agency&format=csv&${QUARTER}`,
    );
    expect([
      csv.type,
      csv.status,
      csv.type?.startsWith('text/csv') ? '' : JSON.stringify(csv.body),
    ]).toEqual([expect.stringMatching(/^text\/csv/), 200, '']);
    const [header, row] = (csv.body as string).trim().split('\r\n');
    expect(header).toBe(
      'key,sampleSize,lastEventAt,total_time,agency_time,contacts,agencies_contacted,one_stop_desk,publication,officer_attitude,feedback_handling,online_service,computedIndices,points,band,ratingWithheld',
    );
    expect(row).toMatch(
      new RegExp(
        `^${agency.replace(/\./g, '\\.')},3,[^,]+,1,1,1,1,not_available,2,1,2,[^,]+,1 2 3 4 6 7 8[^,]*,,,`,
      ),
    );
    const bad = await getJson(`${service.url}/evaluation-61?groupBy=procedure`);
    expect(bad.status).toBe(400);
  });

  it('adds the evaluation table to the quarterly report', async () => {
    const headers = {
      authorization: `Bearer ${await mintTestToken({ subject: 'leader-1', roles: ['leader'], agency })}`, // a leader of the report's agency
    };
    const query = `kind=quarterly&year=2025&quarter=2&agency=${agency}`;
    const xlsx = await fetch(`${service.url}/reports?${query}&format=xlsx`, { headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Đánh giá NĐ 61')!;
    const total = sheet.getRow(2).values as unknown[];
    expect(total.slice(1, 3)).toEqual([`Cơ quan ${agency}`, 3]);
    // averages as numbers, the missing index named, and no rating
    expect(total.slice(3, 6)).toEqual([1, 1, 1]);
    expect(total).toContain('chưa có nguồn');
    expect(total[total.length - 1]).toBe('Chưa xếp loại');
    const pdf = await fetch(`${service.url}/reports?${query}&format=pdf`, { headers });
    expect(pdf.status).toBe(200);
  });
});
