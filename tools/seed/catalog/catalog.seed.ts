import type { SeedClient } from '../seed-client';
import { DEMO_PROCEDURES } from './demo-procedures';

/** Publishes the demo catalog through publication decisions. */
export async function seedCatalog(client: SeedClient): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  for (const decision of DEMO_PROCEDURES) {
    const { status } = await client.post('catalog', '/publication-decisions', decision, 'admin');
    if (status === 409) existing += 1;
    else created += 1;
  }
  return { created, existing };
}
