// Bundles the publishable @motcua/client into libs/client/dist: index.js (esbuild) and its types,
// index.d.ts (dts-bundle-generator). Our contracts are bundled into both (they are not published
// on their own); openapi-fetch and zod stay dependencies, imported by name.
import { build } from 'esbuild';
import { generateDtsBundle } from 'dts-bundle-generator';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(root, 'libs/client/src/index.ts');
const dist = path.join(root, 'libs/client/dist');
const external = ['openapi-fetch', 'zod'];
await build({
  entryPoints: [entry],
  outfile: path.join(dist, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external,
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
const [types] = generateDtsBundle(
  [{ filePath: entry, libraries: { importedLibraries: external }, output: { noBanner: true } }],
  { preferredConfigPath: path.join(root, 'tsconfig.json') },
);
// The portal stream's decoder takes Kafka's Buffer values: the client is a Node.js package.
writeFileSync(path.join(dist, 'index.d.ts'), `/// <reference types="node" />\n${types}`);
console.log('libs/client/dist/index.js and index.d.ts written');
