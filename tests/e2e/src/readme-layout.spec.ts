import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@motcua/testing';

/** The folders of a top-level folder that git would see (no dot folders). */
function foldersOf(parent: string): string[] {
  return readdirSync(join(repoRoot(), parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
}

/** README's "Layout" section keeps up with the tree: every folder is said, none is left that went. */
describe("README's layout section", () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const layout = /## Layout\n+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

  it('is there', () => {
    expect(layout).not.toBe('');
  });

  it.each(foldersOf('apps'))('names the service apps/%s', (app) => {
    expect(layout).toMatch(new RegExp(`\\b${app}\\b`));
  });

  it.each(['libs', 'infra'])('lists every folder of %s/, and only those', (parent) => {
    // Entries of a tree section: two spaces, then `name/`, below the `parent/` line.
    const section = new RegExp(`^${parent}/\\n((?:  .*\\n|\\s{3,}.*\\n)*)`, 'm').exec(layout)?.[1];
    const listed = [...(section ?? '').matchAll(/^ {2}([a-z0-9-]+)\//gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(foldersOf(parent).sort());
  });

  it.each(['tools', 'docs'])('names every folder of %s/', (parent) => {
    const missing = foldersOf(parent).filter((name) => !layout.includes(`${name}/`));
    expect(missing).toEqual([]);
  });
});
