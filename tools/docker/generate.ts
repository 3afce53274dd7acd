/**
 * Writes each service's Dockerfile (apps/<service>/Dockerfile) from tools/docker/dockerfile.ts:
 *
 *   node -r ./tools/register-ts.js tools/docker/generate.ts [--check]
 *
 * --check writes nothing and exits 1 when a committed Dockerfile differs (the Dockerfile test runs it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICES } from '@motcua/contracts';
import { dockerfileOf } from './dockerfile';

const ROOT = resolve(__dirname, '../..');
const check = process.argv.includes('--check');

const stale = SERVICES.map((service) => ({
  path: join('apps', service, 'Dockerfile'),
  content: dockerfileOf(service),
})).filter((file) => {
  const path = join(ROOT, file.path);
  return !existsSync(path) || readFileSync(path, 'utf8') !== file.content;
});
if (check) {
  for (const file of stale) console.error(`stale: ${file.path}`);
  process.exit(stale.length > 0 ? 1 : 0);
}
for (const file of stale) {
  writeFileSync(join(ROOT, file.path), file.content);
  console.log(`wrote ${file.path}`);
}
