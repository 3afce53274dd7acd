/* eslint-disable @nx/enforce-module-boundaries -- the seed is a script under tools/ (not an Nx project); this test runs it against a real catalog. */
import { testEnv } from '@motcua/testing';
import { SeedClient } from '../../../tools/seed/seed-client';
import { seedCatalog } from '../../../tools/seed/catalog/catalog.seed';
import { DEMO_AGENCY_TREE } from '../../../tools/seed/catalog/demo-agencies';
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
    const client = new SeedClient({ catalog: catalog.service.url }, testEnv.authIssuer());
    const first = await seedCatalog(client);
    // The procedures, one campaign per domain and the demo agency tree.
    expect(first.created + first.existing).toBe(DEMO_PROCEDURES.length + 5 + 1);
    const tree = await catalog.get<{
      version: number;
      nodes: { kind: string; receivesFor?: string[] }[];
    }>(`/agency-tree/${DEMO_AGENCY_TREE.provinceCode}`);
    expect(tree.status).toBe(200);
    expect(tree.body.nodes.find((n) => n.kind === 'centre')?.receivesFor).toEqual([
      '000.00.15.H26',
    ]);

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
      ...demo.map((c) => c.id),
      DEMO_AGENCY_TREE.provinceCode,
    ];
    const eventsOfDemo = () =>
      catalog.count('SELECT count(*) AS n FROM outbox_event WHERE event_key = ANY($1)', [keys]);
    const outboxBefore = await eventsOfDemo();
    expect(outboxBefore).toBeGreaterThanOrEqual(keys.length);
    const second = await seedCatalog(client);
    expect(second).toEqual({ created: 0, existing: DEMO_PROCEDURES.length + 5 + 1 });
    expect(await eventsOfDemo()).toBe(outboxBefore);
  });
});
