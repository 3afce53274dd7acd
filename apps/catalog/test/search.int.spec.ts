import { decisionBody, randomProcedureCode } from '@motcua/testing';
import { CatalogHarness, type Problem } from './catalog-harness';

type Page = {
  items: { code: string; name: string; domainCode: string; onlineLevel: string }[];
  total: number;
  page: number;
  pageSize: number;
};

/** Listing and search of published procedures: filters, Vietnamese text with or without diacritics, pages. */
describe('procedure search', () => {
  let catalog: CatalogHarness;
  const tag = `Lô${Math.random().toString(36).slice(2, 8)}`; // makes this run's procedures findable apart from others
  const codes = [randomProcedureCode(), randomProcedureCode(), randomProcedureCode()];

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4205);
    const [price, assets, abolished] = codes;
    const first = decisionBody('new', price);
    first.procedure.name = `Đăng ký giá ${tag}`;
    const second = decisionBody('new', assets);
    Object.assign(second.procedure, {
      name: `Mua sắm tài sản công ${tag}`,
      domainCode: 'QLCS',
      onlineLevel: 'partial',
      level: 'commune',
    });
    const third = decisionBody('new', abolished);
    third.procedure.name = `Kê khai giá ${tag}`;
    for (const body of [first, second, third])
      expect((await catalog.post('/publication-decisions', body)).status).toBe(201);
    await catalog.post('/publication-decisions', {
      decision: {
        number: 'BB/QĐ',
        kind: 'abolished',
        signedOn: '2026-02-01',
        effectiveFrom: '2026-02-01',
      },
      code: abolished,
    });
  });
  afterAll(() => catalog?.stop());

  const search = (query: string) => catalog.get<Page>(`/procedures?${query}`);

  it('finds "Đăng ký giá" by "dang ky gia", without diacritics and in any case', async () => {
    const plain = await search(
      `q=${encodeURIComponent(`dang ky gia ${tag.toLowerCase().replace('ô', 'o')}`)}`,
    );
    expect(plain.status).toBe(200);
    expect(plain.body.items.map((i) => i.code)).toEqual([codes[0]]);
    const accented = await search(`q=${encodeURIComponent(`ĐĂNG KÝ GIÁ ${tag}`)}`);
    expect(accented.body.items.map((i) => i.code)).toEqual([codes[0]]);
  });

  it('filters by code, domain, level and online level', async () => {
    expect((await search(`code=${codes[1]}`)).body.items.map((i) => i.name)).toEqual([
      `Mua sắm tài sản công ${tag}`,
    ]);
    const q = `q=${encodeURIComponent(tag)}`;
    expect((await search(`${q}&domain=QLCS`)).body.items.map((i) => i.code)).toEqual([codes[1]]);
    expect((await search(`${q}&domain=QLG`)).body.items.map((i) => i.code)).toEqual([codes[0]]);
    expect((await search(`${q}&level=commune`)).body.items.map((i) => i.code)).toEqual([codes[1]]);
    expect(
      (await search(`${q}&onlineLevel=full&agency=000.00.15.H26`)).body.items.map((i) => i.code),
    ).toEqual([codes[0]]);
  });

  it('lists abolished procedures only when asked', async () => {
    const q = `q=${encodeURIComponent(tag)}`;
    expect((await search(q)).body.total).toBe(2);
    expect((await search(`${q}&status=abolished`)).body.items.map((i) => i.code)).toEqual([
      codes[2],
    ]);
  });

  it('paginates', async () => {
    const q = `q=${encodeURIComponent(tag)}&pageSize=1`;
    const [one, two, three] = await Promise.all([
      search(`${q}&page=1`),
      search(`${q}&page=2`),
      search(`${q}&page=3`),
    ]);
    expect(one.body).toEqual(expect.objectContaining({ total: 2, page: 1, pageSize: 1 }));
    expect([...one.body.items, ...two.body.items].map((i) => i.code).sort()).toEqual(
      [codes[0], codes[1]].sort(),
    );
    expect(three.body.items).toEqual([]);
  });

  it('refuses a malformed query naming the parameter', async () => {
    const reply = await catalog.get<Problem>('/procedures?pageSize=1000&level=planet');
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.map((e) => e.field).sort()).toEqual([
      'query.level',
      'query.pageSize',
    ]);
  });

  it('refuses a NUL byte in a query and a lone surrogate in a decision before any database work', async () => {
    const nul = await catalog.get<Problem>('/procedures?domain=a%00b');
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([
      expect.objectContaining({ field: 'query.domain', rule: 'no-control-characters' }),
    ]);
    const body = decisionBody('new', randomProcedureCode());
    body.decision.number = 'QĐ \uD83D';
    const surrogate = await catalog.post<Problem>('/publication-decisions', body);
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors).toEqual([
      expect.objectContaining({ field: 'decision.number', rule: 'well-formed-unicode' }),
    ]);
  });
});
