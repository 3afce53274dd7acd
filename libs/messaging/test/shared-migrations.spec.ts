import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@motcua/testing';
import { expectedCopies, SHARED_MIGRATIONS } from '../migrations/shared-migrations';

/** Drift: each service's copy of a shared migration is its source in libs/messaging/migrations, byte for byte. */
describe('shared migrations (outbox, inbox, agency tree copy)', () => {
  const root = repoRoot();

  it.each(expectedCopies(root).map((copy) => [copy.path, copy.content]))(
    '%s is generated from its source',
    (path, content) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(content);
    },
  );

  it('lists every migration of a service that creates a shared table', () => {
    const listed = new Set(
      SHARED_MIGRATIONS.flatMap(({ copies }) =>
        Object.entries(copies).map(([service, name]) => `${service}/${name}`),
      ),
    );
    const shared = /CREATE TABLE "(outbox_event|inbox_event|agency_tree_copy)"/;
    for (const service of readdirSync(join(root, 'apps'))) {
      const dir = join(root, 'apps', service, 'prisma/migrations');
      if (!existsSync(dir)) continue; // an app without a database of its own (apps/portal-sync)
      for (const name of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
        const sql = readFileSync(join(dir, name.name, 'migration.sql'), 'utf8');
        if (shared.test(sql)) expect(listed).toContain(`${service}/${name.name}`);
      }
    }
  });
});
