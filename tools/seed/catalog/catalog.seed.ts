import type { SeedClient } from '../seed-client';
import { DEMO_AGENCY_TREE } from './demo-agencies';
import { DEMO_PRICE_REVIEW, demoCampaigns } from './demo-campaigns';
import { DEMO_INTER_AGENCY_PROCEDURES, DEMO_PROCEDURE_GROUPS } from './demo-inter-agency';
import { DEMO_PROCEDURES } from './demo-procedures';

/** A node as text with its keys sorted (PostgreSQL's jsonb does not keep the order they were sent in). */
function canonical(node: unknown): string {
  const entries = Object.entries(node as Record<string, unknown>).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return JSON.stringify(entries);
}

/** The stored tree lacks a node of the demo tree (e.g. one stored before the inter-agency departments). */
function lacksDemoNodes(stored: { nodes?: unknown[] }): boolean {
  const have = new Set((stored.nodes ?? []).map(canonical));
  return DEMO_AGENCY_TREE.nodes.some((node) => !have.has(canonical(node)));
}

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
  // The agency tree first: every service's scope rules read their copy of it, and the catalog
  // publishes an inter-agency procedure only when its agencies are in it. A tree stored by an
  // earlier seed without some demo node is replaced (a new version).
  const known = await fetch(
    `${client.baseUrls.catalog}/agency-tree/${DEMO_AGENCY_TREE.provinceCode}`,
  );
  if (known.status === 404 || lacksDemoNodes((await known.json()) as { nodes?: unknown[] })) {
    await client.put('catalog', '/agency-tree', DEMO_AGENCY_TREE, 'admin');
    created += 1;
  } else existing += 1;
  for (const decision of [...DEMO_PROCEDURES, ...DEMO_INTER_AGENCY_PROCEDURES]) {
    const { status } = await client.post('catalog', '/publication-decisions', decision, 'admin');
    if (status === 409) existing += 1;
    else created += 1;
  }
  for (const group of DEMO_PROCEDURE_GROUPS) {
    const { status } = await client.post('catalog', '/procedure-groups', group, 'admin');
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
