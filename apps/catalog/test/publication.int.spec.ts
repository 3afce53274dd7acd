import { decisionBody, randomProcedureCode } from '@motcua/testing';
import { CatalogHarness } from './catalog-harness';

type Outcome = { status: string; versions: { code: string; version: number; effect: string }[] };
type Record = {
  code: string;
  version: number;
  name: string;
  domainName: string;
  timeLimit: { value: number };
  decision: { kind: string };
};

/** A procedure's whole life through publication decisions, seen over HTTP and on Kafka. */
describe('publication decisions end to end', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4201);
    await catalog.listen();
  });
  afterAll(() => catalog?.stop());

  it('new → amended → abolished: versions, history, version in force at a date, and events', async () => {
    const code = randomProcedureCode();
    const created = await catalog.post<Outcome>(
      '/publication-decisions',
      decisionBody('new', code, { signedOn: '2026-01-05', effectiveFrom: '2026-01-15' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        status: 'announced',
        versions: [{ code, version: 1, effect: 'publish' }],
      }),
    );

    const amendment = decisionBody('amended', code, {
      signedOn: '2026-03-01',
      effectiveFrom: '2026-03-10',
    });
    amendment.procedure.timeLimit.value = 3;
    amendment.procedure.workflow[1].share = 2;
    const amended = await catalog.post<Outcome>('/publication-decisions', amendment);
    expect(amended.status).toBe(201);
    expect(amended.body.versions).toEqual([{ code, version: 2, effect: 'amend' }]);

    const today = await catalog.get<Record>(`/procedures/${code}`);
    expect(today.status).toBe(200);
    expect(today.body).toEqual(
      expect.objectContaining({
        version: 2,
        domainName: 'Quản lý giá',
        timeLimit: { value: 3, unit: 'working_days' },
      }),
    );
    const before = await catalog.get<Record>(`/procedures/${code}?at=2026-02-01`);
    expect(before.body.version).toBe(1);
    expect(before.body.timeLimit.value).toBe(5);
    const notYet = await catalog.get(`/procedures/${code}?at=2026-01-14`);
    expect(notYet.status).toBe(404);

    const abolished = await catalog.post<Outcome>('/publication-decisions', {
      decision: {
        number: '77/QĐ-UBND',
        kind: 'abolished',
        signedOn: '2026-05-01',
        effectiveFrom: '2026-05-15',
      },
      code,
    });
    expect(abolished.status).toBe(201);
    expect((await catalog.get(`/procedures/${code}`)).status).toBe(404);
    expect((await catalog.get<Record>(`/procedures/${code}?at=2026-05-14`)).body.version).toBe(2);

    const history = await catalog.get<{
      status: string;
      versions: { version: number; effect: string; decision: { number: string } }[];
    }>(`/procedures/${code}/versions`);
    expect(history.body.status).toBe('abolished');
    expect(history.body.versions.map((v) => [v.version, v.effect])).toEqual([
      [1, 'publish'],
      [2, 'amend'],
      [3, 'abolish'],
    ]);

    await catalog.waitForEvent(code, 'motcua.procedure.abolished.v1');
    const events = catalog.eventsOf(code);
    expect(events.map((e) => e.type)).toEqual([
      'motcua.procedure.published.v1',
      'motcua.procedure.amended.v1',
      'motcua.procedure.abolished.v1',
    ]);
    expect(events[0].data).toEqual(
      expect.objectContaining({
        code,
        version: 1,
        name: 'Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp tỉnh',
      }),
    );
    expect((events[1].data as unknown as Record).timeLimit.value).toBe(3);
    expect(events[2].data).toEqual(
      expect.objectContaining({
        code,
        version: 3,
        decision: expect.objectContaining({ number: '77/QĐ-UBND', kind: 'abolished' }),
      }),
    );
  });

  it('a replacement publishes the new procedure and abolishes the old one in one decision', async () => {
    const oldCode = randomProcedureCode();
    const newCode = randomProcedureCode();
    expect(
      (await catalog.post('/publication-decisions', decisionBody('new', oldCode))).status,
    ).toBe(201);
    const replaced = await catalog.post<Outcome>('/publication-decisions', {
      ...decisionBody('replaced', newCode, { signedOn: '2026-04-01', effectiveFrom: '2026-04-02' }),
      replacesCode: oldCode,
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body.versions).toEqual([
      { code: newCode, version: 1, effect: 'publish' },
      { code: oldCode, version: 2, effect: 'abolish' },
    ]);
    const published = await catalog.waitForEvent(newCode, 'motcua.procedure.published.v1');
    expect(published.data).toEqual(
      expect.objectContaining({
        replacesCode: oldCode,
        decision: expect.objectContaining({ kind: 'replaced' }),
      }),
    );
    const ended = await catalog.waitForEvent(oldCode, 'motcua.procedure.abolished.v1');
    expect(ended.data).toEqual(expect.objectContaining({ replacedByCode: newCode, version: 2 }));
    expect((await catalog.get(`/procedures/${oldCode}`)).status).toBe(404);
    expect((await catalog.get(`/procedures/${newCode}`)).status).toBe(200);
  });

  it('reads are public, writes need the admin role', async () => {
    const anonymous = await catalog.request('POST', '/publication-decisions', {
      body: decisionBody('new', randomProcedureCode()),
    });
    expect(anonymous.status).toBe(401);
    const citizen = await catalog.post(
      '/publication-decisions',
      decisionBody('new', randomProcedureCode()),
      'citizen',
    );
    expect(citizen.status).toBe(403);
    expect((await catalog.get('/domains')).body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'QLG', responsibleUnitCode: 'P.QLG' }),
      ]),
    );
  });

  it('serves its OpenAPI document with the catalog endpoints', async () => {
    const openapi = await catalog.get<{
      paths: {
        [path: string]: {
          post?: {
            requestBody?: { content: { 'application/json': { schema: { oneOf?: unknown[] } } } };
          };
        };
      };
    }>('/openapi.json');
    const decisionBodySchema =
      openapi.body.paths['/publication-decisions'].post?.requestBody?.content['application/json']
        .schema;
    expect(decisionBodySchema?.oneOf).toHaveLength(4);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/publication-decisions',
        '/procedures',
        '/procedures/{code}',
        '/procedures/{code}/versions',
        '/review-campaigns',
        '/review-campaigns/{id}/proposals',
      ]),
    );
  });
});
