/* eslint-disable @nx/enforce-module-boundaries -- the demo seed lives in tools/ and is tested against the real services */
import { testEnv } from '@motcua/testing';
import type { RunningService } from '@motcua/testing';
import { seedCatalog } from '../../../tools/seed/catalog/catalog.seed';
import { DEMO_FEEDBACK } from '../../../tools/seed/feedback/demo-feedback';
import { seedFeedback } from '../../../tools/seed/feedback/feedback.seed';
import { SeedClient } from '../../../tools/seed/seed-client';
import { FEEDBACK_STATUSES } from '../src/feedback/feedback-status';
import { FeedbackHarness, startPeer } from './support/feedback-harness';

describe('demo seed (tools/seed/feedback) through HTTP', () => {
  const h = new FeedbackHarness();
  let catalog: RunningService;

  beforeAll(async () => {
    await h.start(4408);
    catalog = await startPeer('catalog', 4407);
  });

  afterAll(async () => {
    await Promise.all([h.stop(), catalog?.stop()]);
  });

  it('loads items in every state across the five domains, and a second run adds nothing', async () => {
    const client = new SeedClient(
      { catalog: catalog.url, feedback: h.service.url },
      testEnv.authIssuer(),
    );
    await seedCatalog(client);
    const first = await seedFeedback(client, { baseUrl: h.service.url });
    expect(first.created + first.existing).toBe(DEMO_FEEDBACK.length);

    const { rows } = await h.db.query<{
      title: string;
      status: string;
      domain_code: string | null;
      satisfaction: string | null;
    }>(
      `SELECT title, status, domain_code, satisfaction FROM feedback WHERE title LIKE '[Dữ liệu mẫu]%'`,
    );
    expect(rows).toHaveLength(DEMO_FEEDBACK.length);
    for (const item of DEMO_FEEDBACK) {
      const row = rows.find((r) => r.title === item.title)!;
      expect({ title: item.title, status: row.status }).toEqual({
        title: item.title,
        status: item.target === 'published_rated' ? 'published' : item.target,
      });
    }
    // Every status of the workflow, none left out.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(FEEDBACK_STATUSES));
    expect(new Set(rows.map((r) => r.domain_code).filter(Boolean))).toEqual(
      new Set(['QLG', 'QLCS', 'TCNS', 'TCDN', 'THTK']),
    );
    expect(rows.filter((r) => r.satisfaction).length).toBeGreaterThanOrEqual(1);

    const second = await seedFeedback(client, { baseUrl: h.service.url });
    expect(second).toEqual({ created: 0, existing: DEMO_FEEDBACK.length, advanced: 0 });
    expect(
      await h.count(`SELECT count(*) AS n FROM feedback WHERE title LIKE '[Dữ liệu mẫu]%'`),
    ).toBe(DEMO_FEEDBACK.length);
  }, 180_000);
});
