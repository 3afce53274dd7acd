/**
 * Writes each service's copy of the shared migrations from their one source in
 * libs/messaging/migrations (see shared-migrations.ts there):
 *
 *   node -r ./tools/register-ts.js tools/prisma/shared-migrations.ts [--check]
 *
 * --check writes nothing and exits 1 when a copy is missing or differs (the drift test does
 * the same). Run it after adding a service to SHARED_MIGRATIONS, or a new shared migration.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expectedCopies } from '../../libs/messaging/migrations/shared-migrations';

const root = resolve(__dirname, '../..');
const check = process.argv.includes('--check');
let stale = 0;
for (const { path, content } of expectedCopies(root)) {
  const file = join(root, path);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
  stale += 1;
  if (check) {
    console.error(
      `shared-migrations: ${path} differs from its source in libs/messaging/migrations`,
    );
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`shared-migrations: wrote ${path}`);
  }
}
if (check && stale > 0) process.exit(1);
if (!check) console.log(`shared-migrations: ${stale} file(s) written`);
