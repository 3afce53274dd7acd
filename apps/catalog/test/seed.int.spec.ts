/* eslint-disable @nx/enforce-module-boundaries -- the seed is a script under tools/ (not an Nx project); this test runs it against a real catalog. */
import { testEnv } from '@motcua/testing';
import { SeedClient } from '../../../tools/seed/seed-client';
import { seedCatalog } from '../../../tools/seed/catalog/catalog.seed';
import { DEMO_AGENCY_TREE, FINANCE } from '../../../tools/seed/catalog/demo-agencies';
import {
  DEMO_INTER_AGENCY_PROCEDURES,
  DEMO_PROCEDURE_GROUPS,
} from '../../../tools/seed/catalog/demo-inter-agency';
import { DEMO_PROCEDURES } from '../../../tools/seed/catalog/demo-procedures';
import { demoCampaigns } from '../../../tools/seed/catalog/demo-campaigns';
import { CatalogHarness } from './catalog-harness';

type Campaign = {
  id: string;
  name: string;
  domainCode: string;
  responsibleUnitName: string;
  deadline: string;
  isDemo: boolean;
  progress: { inScope: number };
};

/** The demo catalog goes in through HTTP, covers the plan's five domains, and a second run adds nothing. */
describe('demo catalog seed', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await CatalogHarness.start(4207);
  });
  afterAll(() => catalog?.stop());

  it('publishes at least 20 procedures in the five domains and one campaign per domain, idempotently', async () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(20);
    // A tree as an earlier seed stored it (the Department of Finance only): the seed replaces it.
    const older = {
      provinceCode: DEMO_AGENCY_TREE.provinceCode,
      nodes: DEMO_AGENCY_TREE.nodes
        .filter((n) => n.kind !== 'department' || n.code === FINANCE)
        .filter((n) => n.kind !== 'unit' || n.parentCode === FINANCE)
        .map((n) => (n.kind === 'centre' ? { ...n, receivesFor: [FINANCE] } : n)),
    };
    expect(
      (await catalog.request('PUT', '/agency-tree', { body: older, role: 'admin' })).status,
    ).toBe(200);
    const client = new SeedClient({ catalog: catalog.service.url }, testEnv.authIssuer());
    const first = await seedCatalog(client);
    // The procedures (single-agency and inter-agency), the group, one campaign per domain and the demo agency tree.
    const expected =
      DEMO_PROCEDURES.length +
      DEMO_INTER_AGENCY_PROCEDURES.length +
      DEMO_PROCEDURE_GROUPS.length +
      5 +
      1;
    expect(first.created + first.existing).toBe(expected);
    const tree = await catalog.get<{
      version: number;
      nodes: { kind: string; receivesFor?: string[] }[];
    }>(`/agency-tree/${DEMO_AGENCY_TREE.provinceCode}`);
    expect(tree.status).toBe(200);
    expect(tree.body.nodes.find((n) => n.kind === 'centre')?.receivesFor).toEqual([
      '000.00.15.H26',
      '000.00.13.H26',
      '000.00.17.H26',
    ]);

    // Three inter-agency procedures: sequential, parallel, vertical with an external stage; and their group.
    const chains = await Promise.all(
      DEMO_INTER_AGENCY_PROCEDURES.map(({ procedure }) =>
        catalog.get<{
          interAgency?: { direction: string; stages: { order: number; external: boolean }[] };
        }>(`/procedures/${procedure.code}`),
      ),
    );
    expect(chains.map((c) => c.status)).toEqual([200, 200, 200]);
    const shapes = chains.map(({ body }) => ({
      direction: body.interAgency?.direction,
      orders: body.interAgency?.stages.map((s) => s.order),
      external: body.interAgency?.stages.some((s) => s.external),
    }));
    expect(shapes).toEqual([
      { direction: 'horizontal', orders: [1, 2], external: false },
      { direction: 'horizontal', orders: [1, 2, 2, 3], external: false },
      { direction: 'vertical', orders: [1, 2, 3], external: true },
    ]);
    const group = await catalog.get<{ procedureCodes: string[]; isDemo: boolean }>(
      `/procedure-groups/${DEMO_PROCEDURE_GROUPS[0].group.code}`,
    );
    expect(group.status).toBe(200);
    expect(group.body).toEqual(
      expect.objectContaining({
        procedureCodes: DEMO_PROCEDURE_GROUPS[0].group.procedureCodes,
        isDemo: true,
      }),
    );

    const domains = new Set<string>();
    for (const { procedure } of DEMO_PROCEDURES) {
      const reply = await catalog.get<{ domainCode: string }>(`/procedures/${procedure.code}`);
      expect(reply.status).toBe(200);
      domains.add(reply.body.domainCode);
    }
    expect([...domains].sort()).toEqual(['QLCS', 'QLG', 'TCDN', 'TCNS', 'THTK']);

    const campaigns = (await catalog.get<Campaign[]>('/review-campaigns', 'leader')).body;
    const names = new Set(demoCampaigns().map((c) => c.name));
    const demo = campaigns.filter((c) => names.has(c.name));
    expect(demo.map((c) => c.domainCode).sort()).toEqual(['QLCS', 'QLG', 'TCDN', 'TCNS', 'THTK']);
    expect(demo.every((c) => c.isDemo && c.deadline.endsWith('-06-30'))).toBe(true);
    expect(demo.find((c) => c.domainCode === 'THTK')?.responsibleUnitName).toBe(
      'Phòng Quản lý ngân sách',
    );
    expect(demo.find((c) => c.domainCode === 'QLCS')?.responsibleUnitName).toBe(
      'Phòng Quản lý công sản & Tài chính doanh nghiệp',
    );

    const keys = [
      ...DEMO_PROCEDURES.map((d) => d.procedure.code),
      ...DEMO_INTER_AGENCY_PROCEDURES.map((d) => d.procedure.code),
      ...DEMO_PROCEDURE_GROUPS.map((d) => d.group.code),
      ...demo.map((c) => c.id),
      DEMO_AGENCY_TREE.provinceCode,
    ];
    const eventsOfDemo = () =>
      catalog.count('SELECT count(*) AS n FROM outbox_event WHERE event_key = ANY($1)', [keys]);
    const outboxBefore = await eventsOfDemo();
    expect(outboxBefore).toBeGreaterThanOrEqual(keys.length);
    const second = await seedCatalog(client);
    expect(second).toEqual({ created: 0, existing: expected });
    expect(await eventsOfDemo()).toBe(outboxBefore);
  });
});
