// Bundles the publishable @motcua/client into libs/client/dist/index.js: our contracts are
// bundled in (they are not published on their own), openapi-fetch and zod stay dependencies.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
await build({
  entryPoints: [path.join(root, 'libs/client/src/index.ts')],
  outfile: path.join(root, 'libs/client/dist/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['openapi-fetch', 'zod'],
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
console.log('libs/client/dist/index.js written');
