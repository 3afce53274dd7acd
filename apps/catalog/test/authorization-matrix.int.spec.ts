import type { MatrixRow } from '@motcua/auth';
import { UNDOCUMENTED_HEALTH_ROUTES } from '@motcua/http';
import {
  clientAs,
  principalOf,
  runAuthorizationMatrix,
  type MatrixAnswer,
  type MatrixScope,
  randomProcedureCode,
} from '@motcua/testing';
import { decisionBody } from '@motcua/testing';
import { catalogAccessMatrix } from '../src/scope/catalog.access-matrix';
import { CatalogHarness } from './catalog-harness';

const PROVINCE = `T${String(Math.floor(Math.random() * 90) + 10)}.000.H98`;
const AT: MatrixScope = {
  agency: '000.00.15.H26',
  unit: 'P.QLG',
  otherAgency: '000.00.99.H99',
  otherUnit: 'P.KHAC',
};

/**
 * The authorization matrix of the catalog service (generated from the routes' @Roles/@Public), every
 * row run against the service process. The catalog has no object scope: each role's answer is the
 * guard's. The writes are sent with an empty body: a caller the guard lets through is then refused
 * by validation (400, after the guard), so the matrix checks authorization without changing the
 * catalog or publishing events.
 */
describe('catalog authorization matrix', () => {
  let h: CatalogHarness;
  const code = randomProcedureCode();
  const member = randomProcedureCode();
  const groupCode = `LT.T97.${code.slice(2)}`;
  let campaignId: string;

  beforeAll(async () => {
    h = await CatalogHarness.start(4397);
    expect((await h.post('/publication-decisions', decisionBody('new', code))).status).toBe(201);
    expect((await h.post('/publication-decisions', decisionBody('new', member))).status).toBe(201);
    // A group of the two (nhóm TTHC liên thông), so that its public read has an object.
    const group = await h.post('/procedure-groups', {
      decision: {
        number: `${groupCode}/QĐ-UBND`,
        kind: 'new',
        signedOn: '2026-01-05',
        effectiveFrom: '2026-01-20',
      },
      group: {
        code: groupCode,
        name: 'Nhóm thủ tục của ma trận phân quyền',
        lifeEvent: 'Kiểm thử phân quyền',
        procedureCodes: [code, member],
      },
    });
    expect(group.status).toBe(201);
    const opened = await h.post<{ id: string }>(
      '/review-campaigns',
      {
        name: `Rà soát ma trận ${code}`,
        year: 2026,
        domainCode: 'QLG',
        deadline: '2099-06-30',
        procedureCodes: [code],
      },
      'leader',
    );
    expect(opened.status).toBe(201);
    campaignId = opened.body.id;
    // A province of this test alone (one node), so that its tree can be read.
    const tree = await h.request('PUT', '/agency-tree', {
      role: 'admin',
      body: {
        provinceCode: PROVINCE,
        nodes: [{ kind: 'province', code: PROVINCE, name: 'Tỉnh thử' }],
      },
    });
    expect(tree.status).toBeLessThan(300);
  });
  afterAll(() => h?.stop());

  async function call(row: MatrixRow): Promise<MatrixAnswer> {
    const client = await clientAs(h.service.url, principalOf(row.role, row.scope, AT));
    const path = row.path
      .replace('{code}', row.path.startsWith('/procedure-groups') ? groupCode : code)
      .replace('{id}', campaignId)
      .replace('{provinceCode}', PROVINCE);
    if (row.method === 'GET') return (await client('GET', path)).status;
    const answer = await client(row.method, path, {});
    const type = (answer.body as { type?: string }).type ?? '';
    // Through the guard, the empty body is refused by validation: authorization let it through.
    return answer.status === 400 && /validation/.test(type) ? 200 : answer.status;
  }

  runAuthorizationMatrix({
    service: 'catalog',
    rows: catalogAccessMatrix,
    url: () => h.service.url,
    call,
    undocumented: UNDOCUMENTED_HEALTH_ROUTES,
    markdownContains: ['| `PUT /agency-tree` | admin | ✔ | — |'],
  });
});
