import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The package as npm would install it: libs/client/dist built by tools/client/build.mjs, used by a
 * TypeScript consumer outside the monorepo (no path aliases, only the declared dependencies). The
 * consumer's `@ts-expect-error` lines fail the type check if the types are missing or `any`.
 */
const root = join(__dirname, '../../..');
const consumer = `
import { dossiersClient, decodePortalMessage, verifyWebhookSignature } from '@motcua/client';

const dossiers = dossiersClient({ baseUrl: 'http://127.0.0.1:9', token: 'token' });
export async function changes(): Promise<number> {
  const { data } = await dossiers.GET('/portal/changes', { params: { query: { limit: 10 } } });
  // @ts-expect-error the page lists its changes, it has no items
  void data?.items;
  return data?.changes.length ?? 0;
}
const decoded = decodePortalMessage({ headers: {}, value: Buffer.from('{}') });
// @ts-expect-error a decoded message is a status, a deletion or malformed
if (decoded.kind === 'unknown') void decoded;
const check: { valid: boolean } = verifyWebhookSignature('secret', '{}', undefined);
console.log(JSON.stringify({ kind: decoded.kind, valid: check.valid }));
`;

describe('the published @motcua/client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-client-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds with its types, and a consumer outside the monorepo type-checks and runs', () => {
    const build = spawnSync(process.execPath, ['tools/client/build.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect({ status: build.status, stdout: build.stdout.trim().split('\n').pop() }).toEqual({
      status: 0,
      stdout: 'libs/client/dist/index.js and index.d.ts written',
    });

    const modules = join(dir, 'node_modules');
    mkdirSync(join(modules, '@motcua/client'), { recursive: true });
    cpSync(join(root, 'libs/client/package.json'), join(modules, '@motcua/client/package.json'));
    cpSync(join(root, 'libs/client/dist'), join(modules, '@motcua/client/dist'), {
      recursive: true,
    });
    mkdirSync(join(modules, '@types'));
    for (const dependency of ['openapi-fetch', 'openapi-typescript-helpers', 'zod', '@types/node'])
      symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency));
    writeFileSync(join(dir, 'consumer.ts'), consumer);

    const tsc = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--strict',
        '--esModuleInterop',
        '--module',
        'commonjs',
        '--moduleResolution',
        'node10',
        '--target',
        'es2022',
        '--types',
        'node',
        'consumer.ts',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect({ status: tsc.status, errors: tsc.stdout }).toEqual({ status: 0, errors: '' });

    const run = spawnSync(process.execPath, ['consumer.js'], { cwd: dir, encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({
      status: 0,
      stdout: JSON.stringify({ kind: 'malformed', valid: false }),
    });
  }, 420_000);
});
