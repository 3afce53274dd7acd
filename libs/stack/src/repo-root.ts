import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo's root folder (where nx.json is), found from this file's location. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the motcua repository root (nx.json)');
    dir = parent;
  }
  return dir;
}
