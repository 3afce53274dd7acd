import type { SeedClient } from '../seed-client';
import { DEMO_AGENCY_TREE } from './demo-agencies';
import { DEMO_PRICE_REVIEW, demoCampaigns } from './demo-campaigns';
import { DEMO_PROCEDURES } from './demo-procedures';

/**
 * Publishes the demo catalog through publication decisions, then opens one review campaign
 * per domain. Idempotent: what exists answers 409 and is counted as existing; the first
 * results of a campaign are recorded only when the campaign was created by this run.
 */
export async function seedCatalog(
  client: SeedClient,
): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  // The agency tree first: every service's scope rules read their copy of it.
  const known = await fetch(
    `${client.baseUrls.catalog}/agency-tree/${DEMO_AGENCY_TREE.provinceCode}`,
  );
  if (known.status === 404) {
    await client.put('catalog', '/agency-tree', DEMO_AGENCY_TREE, 'admin');
    created += 1;
  } else existing += 1;
  for (const decision of DEMO_PROCEDURES) {
    const { status } = await client.post('catalog', '/publication-decisions', decision, 'admin');
    if (status === 409) existing += 1;
    else created += 1;
  }
  for (const campaign of demoCampaigns()) {
    const { status, body } = await client.post('catalog', '/review-campaigns', campaign, 'leader');
    if (status === 409) {
      existing += 1;
      continue;
    }
    created += 1;
    if (campaign.domainCode === 'QLG') {
      const id = (body as { id: string }).id;
      await client.post(
        'catalog',
        `/review-campaigns/${id}/evaluations`,
        DEMO_PRICE_REVIEW.evaluation,
        'specialist',
        'P.QLG',
      );
      await client.post(
        'catalog',
        `/review-campaigns/${id}/proposals`,
        DEMO_PRICE_REVIEW.proposal,
        'specialist',
        'P.QLG',
      );
    }
  }
  return { created, existing };
}
