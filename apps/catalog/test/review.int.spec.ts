import { decisionBody, randomProcedureCode } from '@motcua/testing';
import { CatalogHarness, type Problem } from './catalog-harness';

type Campaign = {
  id: string;
  status: string;
  responsibleUnitCode: string;
  deadline: string;
  progress: { inScope: number; evaluated: number; proposals: number; daysLeft: number };
};

const criteria = {
  necessity: { assessment: 'meets', findings: [] },
  reasonableness: {
    assessment: 'partially_meets',
    findings: ['Yêu cầu bản sao chứng thực không cần thiết'],
  },
  legality: { assessment: 'meets', findings: [] },
  complianceCost: {
    assessment: 'partially_meets',
    findings: ['Chi phí đi lại cao với hồ sơ giấy'],
  },
};

/** Rà soát, đánh giá, đơn giản hóa: a campaign of one domain from opening to closing, with its events. */
describe('review campaigns', () => {
  let catalog: CatalogHarness;
  const [price, declare, assets] = [
    randomProcedureCode(),
    randomProcedureCode(),
    randomProcedureCode(),
  ];

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4206);
    await catalog.listen();
    const assetBody = decisionBody('new', assets);
    assetBody.procedure.domainCode = 'QLCS';
    for (const body of [decisionBody('new', price), decisionBody('new', declare), assetBody]) {
      expect((await catalog.post('/publication-decisions', body)).status).toBe(201);
    }
  });
  afterAll(() => catalog?.stop());

  const open = (procedureCodes: string[], name = `Rà soát TTHC lĩnh vực Quản lý giá ${price}`) =>
    catalog.post<Campaign & Problem>(
      '/review-campaigns',
      {
        name,
        year: 2026,
        planReference: '45/KH-STC',
        domainCode: 'QLG',
        deadline: '2099-06-30',
        procedureCodes,
      },
      'leader',
    );

  it('opens, evaluates, proposes with the Circular 02/2017 cost, and closes, publishing each step', async () => {
    const opened = await open([price, declare]);
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual(
      expect.objectContaining({
        status: 'open',
        responsibleUnitCode: 'P.QLG',
        deadline: '2099-06-30',
      }),
    );
    expect(opened.body.progress).toEqual(
      expect.objectContaining({ inScope: 2, evaluated: 0, proposals: 0 }),
    );
    const id = opened.body.id;

    const evaluated = await catalog.post(
      `/review-campaigns/${id}/evaluations`,
      { procedureCode: price, criteria, conclusion: 'simplify' },
      'specialist',
      'P.QLG',
    );
    expect(evaluated.status).toBe(201);

    const proposal = {
      procedureCode: price,
      proposals: [
        'Bỏ yêu cầu bản sao Giấy chứng nhận đăng ký doanh nghiệp; khai thác Cơ sở dữ liệu quốc gia',
      ],
      removedDocumentCodes: ['GPKD'],
      proposedTimeLimit: 3,
      cost: {
        current: {
          workCostVnd: 1_000_000,
          feesVnd: 24_000,
          timesPerYear: 1,
          subjectsPerYear: 3228,
        },
        proposed: { workCostVnd: 207_000, feesVnd: 24_000, timesPerYear: 1, subjectsPerYear: 3228 },
      },
    };
    const proposed = await catalog.post<{
      complianceCost: {
        savingVnd: number;
        savingPercent: number;
        perExecutionSavingPercent: number;
      };
      cuts: object;
    }>(`/review-campaigns/${id}/proposals`, proposal, 'specialist');
    expect(proposed.status).toBe(201);
    expect(proposed.body.complianceCost).toEqual(
      expect.objectContaining({
        savingVnd: 2_559_804_000,
        savingPercent: 77.44,
        perExecutionSavingPercent: 77.44,
      }),
    );
    expect(proposed.body.cuts).toEqual({
      documentsRemoved: 1,
      stepsRemoved: 0,
      daysReduced: 2,
      daysUnit: 'working_days',
    });

    const progress = await catalog.get<Campaign>(`/review-campaigns/${id}`, 'leader');
    expect(progress.body.progress).toEqual(
      expect.objectContaining({ inScope: 2, evaluated: 1, proposals: 1 }),
    );
    expect(progress.body.progress.daysLeft).toBeGreaterThan(0);

    const closed = await catalog.post<Campaign>(
      `/review-campaigns/${id}/close`,
      { reportReference: '120/BC-STC' },
      'leader',
    );
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await catalog.post<Problem>(
      `/review-campaigns/${id}/evaluations`,
      { procedureCode: declare, criteria, conclusion: 'keep' },
      'specialist',
    );
    expect(late.status).toBe(409);

    const closedEvent = await catalog.waitForEvent(id, 'motcua.review.campaign-closed.v1');
    expect(closedEvent.data).toEqual(
      expect.objectContaining({
        evaluated: 1,
        proposals: 1,
        totalSavingVnd: 2_559_804_000,
        reportReference: '120/BC-STC',
        lateDomains: ['QLG'],
      }),
    );
    expect(catalog.eventsOf(id).map((e) => e.type)).toEqual([
      'motcua.review.campaign-opened.v1',
      'motcua.review.procedure-evaluated.v1',
      'motcua.review.campaign-progressed.v1',
      'motcua.review.simplification-proposed.v1',
      'motcua.review.campaign-progressed.v1',
      'motcua.review.campaign-closed.v1',
    ]);
    const openedEvent = catalog.eventsOf(id, 'motcua.review.campaign-opened.v1')[0];
    expect(openedEvent.data).toEqual(
      expect.objectContaining({
        scopes: [
          expect.objectContaining({
            domainCode: 'QLG',
            responsibleUnitName: 'Phòng Quản lý Giá',
            procedureCodes: [price, declare],
          }),
        ],
      }),
    );
    const evaluatedEvent = catalog.eventsOf(id, 'motcua.review.procedure-evaluated.v1')[0];
    expect(evaluatedEvent.data).toEqual(
      expect.objectContaining({
        procedureCode: price,
        evaluatedByUnitCode: 'P.QLG',
        conclusion: 'simplify',
      }),
    );
  });

  it('refuses procedures of another domain or unknown, listing each', async () => {
    const reply = await open([price, assets, '9.999999'], `Phạm vi sai ${price}`);
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ field: 'procedureCodes.1', rule: 'same-domain' }),
      expect.objectContaining({ field: 'procedureCodes.2', rule: 'procedure-in-force' }),
    ]);
  });

  it('refuses an unknown domain, a duplicate campaign, and a role that may not open one', async () => {
    const unknown = await catalog.post<Problem>(
      '/review-campaigns',
      {
        name: 'X',
        year: 2026,
        domainCode: 'NOPE',
        deadline: '2026-06-30',
        procedureCodes: [price],
      },
      'admin',
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'domainCode', rule: 'known-domain' }),
    ]);
    const name = `Trùng tên ${price}`;
    expect((await open([price], name)).status).toBe(201);
    expect((await open([price], name)).status).toBe(409);
    const specialist = await catalog.post(
      '/review-campaigns',
      { name: 'Y', year: 2026, domainCode: 'QLG', deadline: '2026-06-30', procedureCodes: [price] },
      'specialist',
    );
    expect(specialist.status).toBe(403);
  });

  it('refuses proposals that do not fit the procedure, naming each field', async () => {
    const { body } = await open([price, declare], `Phương án sai ${price}`);
    const cost = { workCostVnd: 100_000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 10 };
    const bad = await catalog.post<Problem>(
      `/review-campaigns/${body.id}/proposals`,
      {
        procedureCode: price,
        proposals: ['Rút ngắn'],
        removedDocumentCodes: ['NOPE'],
        stepsRemoved: 3,
        proposedTimeLimit: 9,
        cost: { current: cost, proposed: cost },
      },
      'specialist',
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['removedDocumentCodes.0', 'known-document'],
      ['stepsRemoved', 'keeps-a-step'],
      ['proposedTimeLimit', 'not-longer'],
    ]);
    const nothing = await catalog.post<Problem>(
      `/review-campaigns/${body.id}/proposals`,
      { procedureCode: price, proposals: ['Giữ nguyên'], cost: { current: cost, proposed: cost } },
      'specialist',
    );
    expect(nothing.status).toBe(422);
    expect(nothing.body.errors?.[0].rule).toBe('cuts-something');
    const outside = await catalog.post<Problem>(
      `/review-campaigns/${body.id}/evaluations`,
      { procedureCode: assets, criteria, conclusion: 'keep' },
      'specialist',
    );
    expect(outside.status).toBe(422);
    expect(outside.body.errors?.[0]).toEqual(
      expect.objectContaining({ field: 'procedureCode', rule: 'in-campaign-scope' }),
    );
    const personalId = await catalog.post<Problem>(
      `/review-campaigns/${body.id}/evaluations`,
      {
        procedureCode: price,
        criteria: {
          ...criteria,
          legality: { assessment: 'meets', findings: ['Ông A, CCCD 001203004567, phản ánh'] },
        },
        conclusion: 'keep',
      },
      'specialist',
    );
    expect(personalId.status).toBe(400);
    expect(personalId.body.errors?.[0].field).toBe('criteria.legality.findings.0');
  });
});
