import type { Producer } from 'kafkajs';
import { dossierProcessed, dossierResumed, dossierStepCompleted, dossierSupplementRequested } from '@motcua/contracts';
import ExcelJS from 'exceljs';
import { mintTestToken, startService, waitFor, type RunningService } from '@motcua/testing';
import { at, connectProducer, event, facts, getJson, localToday, newDossier, procedure, publish, received, uniqueAgency, uniqueProcedureCode, type Built, type Dossier } from './fixtures';

jest.setTimeout(240_000);

/** Decree 61 evaluation from events: three finished dossiers whose indices average to 1 each (9 of 18, khá). */
describe('Decree 61 evaluation (đánh giá việc giải quyết TTHC)', () => {
  let service: RunningService;
  let producer: Producer;
  const agency = uniqueAgency();
  const [full, partial] = [uniqueProcedureCode(), uniqueProcedureCode()];
  const a = newDossier(agency, full);
  const b = newDossier(agency, partial);
  const c = newDossier(agency, partial);
  const open = newDossier(agency, full);

  const step = (d: Dossier, hours: number, stepDueDate: string, channel = 'online') =>
    event(dossierStepCompleted, { ...dossierStepCompleted.example, ...facts(d, 4, at(hours), { channel }), stepOrder: 2, stepName: 'Thẩm định', completedBy: { unitCode: 'P.QLG' }, stepDueDate } as never);
  const supplement = (d: Dossier, requested: number, resumed: number, dueDate: string, channel = 'online'): Built[] => [
    event(dossierSupplementRequested, { ...dossierSupplementRequested.example, ...facts(d, 5, at(requested), { channel, supplementRequestedAt: at(requested) }) } as never),
    event(dossierResumed, { ...dossierResumed.example, ...facts(d, 4, at(resumed), { channel, supplementRequestedAt: at(requested), supplementReceivedAt: at(resumed), dueDate }) } as never),
  ];
  const processed = (d: Dossier, hours: number, channel = 'online') =>
    event(dossierProcessed, { ...dossierProcessed.example, ...facts(d, 9, at(hours), { channel }), electronicResult: true } as never);

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
      // open: received, not finished: not evaluated
      received(open, at(-10), at(30)),
    ];
    await publish(producer, events);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  it('scores each index per dossier from the events, averages them and reads the band on 18 points', async () => {
    const body = await waitFor('the three finished dossiers evaluated', async () => {
      const answer = (await getJson(`${service.url}/evaluation-61?agency=${agency}`)).body;
      const index = (code: string) => answer.groups[0]?.indices.find((i: { code: string }) => i.code === code);
      // The procedure versions come on another topic, so they may be projected after the dossiers.
      const complete = answer.groups[0]?.sampleSize === 3 && index('unit_time')?.sampleSize === 2 && index('online_service')?.sampleSize === 3;
      return complete ? answer : undefined;
    }, 120_000);
    const g = body.groups[0];
    const byCode = Object.fromEntries(g.indices.map((i: { code: string }) => [i.code, i]));
    expect(byCode.total_time).toMatchObject({ status: 'computed', average: 1, sampleSize: 3 });
    expect(byCode.unit_time).toMatchObject({ status: 'computed', average: 1, sampleSize: 2 });
    expect(byCode.contacts).toMatchObject({ status: 'computed', average: 1, sampleSize: 3 });
    expect(byCode.online_service).toMatchObject({ status: 'computed', average: 1, sampleSize: 3 });
    for (const code of ['agencies_contacted', 'one_stop_desk', 'publication', 'feedback', 'satisfaction']) {
      expect(byCode[code]).toMatchObject({ status: 'not_available', average: null });
    }
    expect(g).toMatchObject({ points: 4, maxPoints: 8, scoreOf18: 9, band: { code: 'fair', label: 'Khá' } });
    expect(g.lastEventAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.period.kind).toBe('quarter');
  });

  it('serves the evaluation per agency as CSV', async () => {
    const csv = await getJson(`${service.url}/evaluation-61?agency=${agency}&groupBy=agency&format=csv`);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, row] = (csv.body as string).trim().split('\r\n');
    expect(header).toBe('key,sampleSize,lastEventAt,total_time,unit_time,contacts,agencies_contacted,one_stop_desk,online_service,publication,feedback,satisfaction,points,maxPoints,scoreOf18,band');
    expect(row).toMatch(new RegExp(`^${agency.replace(/\./g, '\\.')},3,[^,]+,1,1,1,not_available,not_available,1,not_available,not_available,not_available,4,8,9,fair$`));
    const bad = await getJson(`${service.url}/evaluation-61?groupBy=procedure`);
    expect(bad.status).toBe(400);
  });

  it('adds the evaluation table to the quarterly report', async () => {
    const [year, month] = localToday().split('-').map(Number);
    const headers = { authorization: `Bearer ${await mintTestToken({ subject: 'leader-1', roles: ['leader'] })}` };
    const query = `kind=quarterly&year=${year}&quarter=${Math.floor((month - 1) / 3) + 1}&agency=${agency}`;
    const xlsx = await fetch(`${service.url}/reports?${query}&format=xlsx`, { headers });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Đánh giá NĐ 61')!;
    const total = sheet.getRow(2).values as unknown[];
    expect(total.slice(1, 3)).toEqual([`Cơ quan ${agency}`, 3]);
    expect(total.slice(-4)).toEqual([4, 8, 9, 'Khá']);
    const pdf = await fetch(`${service.url}/reports?${query}&format=pdf`, { headers });
    expect(pdf.status).toBe(200);
  });
});
