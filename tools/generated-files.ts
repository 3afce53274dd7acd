import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A file a generator writes, its path relative to the repository's root. */
export type GeneratedFile = { path: string; content: string };

const ROOT = resolve(__dirname, '..');

/**
 * Writes the generated files whose committed content differs. With `--check` among the process's
 * arguments it writes nothing, names each stale file on stderr and exits 1 when there is one (what
 * the tests run).
 */
export function writeGeneratedFiles(files: GeneratedFile[]): void {
  const stale = files.filter((file) => {
    const path = join(ROOT, file.path);
    return !existsSync(path) || readFileSync(path, 'utf8') !== file.content;
  });
  if (process.argv.includes('--check')) {
    for (const file of stale) console.error(`stale: ${file.path}`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const file of stale) {
    mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
    writeFileSync(join(ROOT, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
}
