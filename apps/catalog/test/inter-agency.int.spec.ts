import { procedureGroupPublished, procedurePublished, procedureAmended } from '@motcua/contracts';
import {
  chainAgencies,
  chainAgencyTree,
  chainDecision,
  parallelProcedure,
  sequentialProcedure,
  verticalProcedure,
  type ChainAgencies,
} from './inter-agency-fixtures';
import { CatalogHarness, type Problem } from './catalog-harness';
import { randomProcedureCode } from '@motcua/testing';

type Chain = {
  direction: string;
  stages: { order: number; agencyCode: string; share: number; external: boolean }[];
};

/** Inter-agency procedures (TTHC liên thông) and their groups, over HTTP, in PostgreSQL and on Kafka. */
describe('inter-agency procedures and groups', () => {
  let catalog: CatalogHarness;
  let agencies: ChainAgencies;

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4208);
    await catalog.listen();
    agencies = chainAgencies('000.00.00.T98');
    const tree = await catalog.request('PUT', '/agency-tree', {
      body: chainAgencyTree(agencies),
      role: 'admin',
    });
    expect(tree.status).toBe(200);
  });
  afterAll(() => catalog?.stop());

  const rowsOf = async (code: string) =>
    (await catalog.count('SELECT count(*) AS n FROM procedure WHERE code = $1', [code])) +
    (await catalog.count(`SELECT count(*) AS n FROM procedure_version WHERE record->>'code' = $1`, [
      code,
    ])) +
    (await catalog.count('SELECT count(*) AS n FROM publication_decision WHERE number LIKE $1', [
      `${code}/%`,
    ])) +
    (await catalog.count('SELECT count(*) AS n FROM outbox_event WHERE event_key = $1', [code]));

  it('publishes a sequential chain: stored, read back and carried whole by the event', async () => {
    const code = randomProcedureCode();
    const reply = await catalog.post<{ status: string }>(
      '/publication-decisions',
      chainDecision(sequentialProcedure(code, agencies)),
    );
    expect([reply.status, reply.body.status]).toEqual([201, 'announced']);
    const read = await catalog.get<{ interAgency: Chain }>(`/procedures/${code}`);
    expect(read.body.interAgency.stages.map((s) => [s.order, s.agencyCode, s.share])).toEqual([
      [1, agencies.finance, 6],
      [2, agencies.environment, 4],
    ]);
    const event = await catalog.waitForEvent(code, 'motcua.procedure.published.v1');
    expect(procedurePublished.schema.safeParse(event.data).success).toBe(true);
    // The second agency finds the procedure it takes part in; the lead finds it as its own.
    for (const agency of [agencies.environment, agencies.finance]) {
      const found = await catalog.get<{
        items: { code: string; agencyCode: string; chainAgencyCodes: string[] }[];
      }>(`/procedures?agency=${agency}&code=${code}`);
      expect(found.body.items).toEqual([
        expect.objectContaining({
          code,
          agencyCode: agencies.finance,
          chainAgencyCodes: [agencies.finance, agencies.environment],
        }),
      ]);
    }
    expect(
      (
        await catalog.get<{ total: number }>(
          `/procedures?agency=${agencies.construction}&code=${code}`,
        )
      ).body.total,
    ).toBe(0);
    expect((event.data as { interAgency: Chain }).interAgency).toEqual(read.body.interAgency);
  });

  it('publishes a parallel chain and amends its shares: history and events carry each version', async () => {
    const code = randomProcedureCode();
    const procedure = parallelProcedure(code, agencies);
    expect((await catalog.post('/publication-decisions', chainDecision(procedure))).status).toBe(
      201,
    );
    const published = await catalog.waitForEvent(code, 'motcua.procedure.published.v1');
    const chain = (published.data as { interAgency: Chain }).interAgency;
    expect(chain.stages.filter((s) => s.order === 2).map((s) => [s.agencyCode, s.share])).toEqual([
      [agencies.construction, 5],
      [agencies.environment, 7],
    ]);

    // Amended: Sở Nông nghiệp và Môi trường gets 5 days, the time limit 10 (2 + max(5, 5) + 3).
    const amended = parallelProcedure(code, agencies);
    amended.timeLimit.value = 10;
    amended.workflow[1].share = 5;
    amended.interAgency.stages[2].share = 5;
    const reply = await catalog.post<{ versions: { version: number }[] }>(
      '/publication-decisions',
      chainDecision(amended, 'amended', '2026-02-01'),
    );
    expect(reply.status).toBe(201);
    const event = await catalog.waitForEvent(code, 'motcua.procedure.amended.v1');
    expect(procedureAmended.schema.safeParse(event.data).success).toBe(true);
    expect((event.data as { interAgency: Chain }).interAgency.stages.map((s) => s.share)).toEqual([
      2, 5, 5, 3,
    ]);
    const history = await catalog.get<{
      versions: { version: number; record: { interAgency: Chain } }[];
    }>(`/procedures/${code}/versions`);
    expect(history.body.versions.map((v) => v.record.interAgency.stages[2].share)).toEqual([7, 5]);
    expect(
      (await catalog.get<{ version: number }>(`/procedures/${code}?at=2026-01-20`)).body.version,
    ).toBe(1);
  });

  it('publishes a vertical chain whose external stage is outside the agency tree', async () => {
    const code = randomProcedureCode();
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(verticalProcedure(code, agencies)),
        )
      ).status,
    ).toBe(201);
    const event = await catalog.waitForEvent(code, 'motcua.procedure.published.v1');
    expect((event.data as { interAgency: Chain }).interAgency).toEqual(
      expect.objectContaining({
        direction: 'vertical',
        stages: expect.arrayContaining([
          expect.objectContaining({ agencyCode: agencies.tax, external: true }),
        ]),
      }),
    );
  });

  type Breaker = (p: ReturnType<typeof sequentialProcedure>) => void;
  const violations: [string, Breaker, string, string][] = [
    [
      'a single stage',
      (p) => (p.interAgency.stages = p.interAgency.stages.slice(0, 1)),
      'procedure.interAgency.stages',
      'at-least-two-stages',
    ],
    [
      'orders with a gap',
      (p) => (p.interAgency.stages[1].order = 3),
      'procedure.interAgency.stages.1.order',
      'contiguous-orders',
    ],
    [
      'an agency of the province not in the tree',
      (p) => (p.interAgency.stages[1].agencyCode = '000.00.99.T98'),
      'procedure.interAgency.stages.1.agencyCode',
      'known-agency',
    ],
    [
      'a stage handing nothing on',
      (p) => (p.interAgency.stages[1].handsOn = []),
      'procedure.interAgency.stages.1.handsOn',
      'hands-on-something',
    ],
    [
      'a blank hand-on code',
      (p) => (p.interAgency.stages[0].handsOn[0].code = ''),
      'procedure.interAgency.stages.0.handsOn.0.code',
      'required',
    ],
    [
      'shares not adding up to the limit',
      (p) => (p.interAgency.stages[1].share = 3),
      'procedure.interAgency.stages',
      'shares-add-up-to-time-limit',
    ],
    [
      'a same-day limit',
      (p) => (p.timeLimit = { value: 1, unit: 'same_day' }),
      'procedure.timeLimit.unit',
      'no-same-day-chain',
    ],
    [
      'a lead agency outside the chain',
      (p) => (p.agencyCode = agencies.construction),
      'procedure.agencyCode',
      'lead-agency-in-chain',
    ],
  ];

  it.each(violations)(
    '%s: 422 naming the field and the rule, nothing stored or published',
    async (_name, breakIt, field, rule) => {
      const code = randomProcedureCode();
      const procedure = sequentialProcedure(code, agencies);
      breakIt(procedure);
      const reply = await catalog.post<Problem>('/publication-decisions', chainDecision(procedure));
      expect(reply.status).toBe(422);
      expect(reply.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      );
      expect(await rowsOf(code)).toBe(0);
    },
  );

  it('publishes a group of procedures: stored, listed, its event valid and keyed by the group code; amended as a new version', async () => {
    const [first, second] = [randomProcedureCode(), randomProcedureCode()];
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(sequentialProcedure(first, agencies)),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(parallelProcedure(second, agencies)),
        )
      ).status,
    ).toBe(201);
    const code = `LT.T98.${first.slice(2)}`;
    const body = {
      decision: {
        number: `${code}/QĐ-UBND`,
        kind: 'new',
        signedOn: '2026-01-05',
        effectiveFrom: '2026-01-20',
      },
      group: {
        code,
        name: 'Nhóm thủ tục liên thông nhà, đất (kiểm thử)',
        lifeEvent: 'Sắp xếp lại nhà, đất',
        procedureCodes: [second, first],
      },
    };
    const reply = await catalog.post<{ status: string; version: number }>(
      '/procedure-groups',
      body,
    );
    expect([reply.status, reply.body.status, reply.body.version]).toEqual([201, 'announced', 1]);
    const event = await catalog.waitForEvent(code, 'motcua.procedure.group-published.v1');
    expect(procedureGroupPublished.schema.safeParse(event.data).success).toBe(true);
    expect(event.data).toEqual(
      expect.objectContaining({ code, version: 1, procedureCodes: [second, first] }),
    );
    const again = await catalog.post<Problem>('/procedure-groups', {
      ...body,
      decision: { ...body.decision, number: `${code}/2` },
    });
    expect([again.status, again.body.errors?.[0].rule]).toEqual([409, 'unique']);

    const listed = await catalog.get<{ code: string }[]>(
      `/procedure-groups?procedureCode=${first}`,
    );
    expect(listed.body.map((g) => g.code)).toEqual([code]);
    const amended = await catalog.post<{ version: number }>('/procedure-groups', {
      ...body,
      decision: {
        ...body.decision,
        number: `${code}/SĐ`,
        kind: 'amended',
        effectiveFrom: '2026-02-01',
      },
      group: { ...body.group, procedureCodes: [first, second] },
    });
    expect([amended.status, amended.body.version]).toEqual([201, 2]);
    expect(
      (
        await catalog.get<{ version: number; procedureCodes: string[] }>(
          `/procedure-groups/${code}`,
        )
      ).body,
    ).toEqual(expect.objectContaining({ version: 2, procedureCodes: [first, second] }));
  });

  it('refuses a bad group with 4xx naming the field and the rule, and stores nothing', async () => {
    const member = randomProcedureCode();
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(verticalProcedure(member, agencies)),
        )
      ).status,
    ).toBe(201);
    const later = randomProcedureCode(); // in force only from 2099
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(verticalProcedure(later, agencies), 'new', '2099-01-01'),
        )
      ).status,
    ).toBe(201);
    const abolished = randomProcedureCode();
    expect(
      (
        await catalog.post(
          '/publication-decisions',
          chainDecision(verticalProcedure(abolished, agencies)),
        )
      ).status,
    ).toBe(201);
    const abolition = {
      decision: {
        number: `${abolished}/BB`,
        kind: 'abolished',
        signedOn: '2026-02-01',
        effectiveFrom: '2026-02-01',
      },
      code: abolished,
    };
    expect((await catalog.post('/publication-decisions', abolition)).status).toBe(201);

    const code = `LT.T98.X${member.slice(2)}`;
    const body = (procedureCodes: string[], kind = 'new') => ({
      decision: {
        number: `${code}/QĐ-UBND`,
        kind,
        signedOn: '2026-01-05',
        effectiveFrom: '2026-01-20',
      },
      group: { code, name: 'Nhóm kiểm thử', procedureCodes },
    });
    const stored = async () =>
      (await catalog.count('SELECT count(*) AS n FROM procedure_group WHERE code = $1', [code])) +
      (await catalog.count('SELECT count(*) AS n FROM publication_decision WHERE number = $1', [
        `${code}/QĐ-UBND`,
      ])) +
      (await catalog.count('SELECT count(*) AS n FROM outbox_event WHERE event_key = $1', [code]));
    const refusal = async (payload: unknown, role: 'admin' | 'leader' = 'admin') => {
      const reply = await catalog.post<Problem>('/procedure-groups', payload, role);
      return [reply.status, ...(reply.body.errors ?? []).map((e) => `${e.field} ${e.rule}`)];
    };

    expect(await refusal(body([member, '9.999999', later, abolished]))).toEqual([
      422,
      'group.procedureCodes.1 known-procedure',
      'group.procedureCodes.2 in-force-by-effective-date',
      'group.procedureCodes.3 not-abolished',
    ]);
    expect(await refusal(body([member, member]))).toEqual([
      400,
      'group.procedureCodes.1 unique-members',
    ]);
    expect(await refusal(body([member]))).toEqual([400, 'group.procedureCodes too_small']);
    expect(
      await refusal({
        ...body([member, later]),
        group: { ...body([member, later]).group, code: '1.005432' },
      }),
    ).toEqual([400, 'group.code invalid_format']);
    expect(await refusal(body([member, later], 'amended'))).toEqual([
      404,
      'group.code existing-group',
    ]);
    expect(
      (await catalog.request('POST', '/procedure-groups', { body: body([member, later]) })).status,
    ).toBe(401);
    expect((await refusal(body([member, later]), 'leader'))[0]).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('documents the group routes in its OpenAPI', async () => {
    const openapi = await catalog.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/procedure-groups', '/procedure-groups/{code}']),
    );
  });
});
