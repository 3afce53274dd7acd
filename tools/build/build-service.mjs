// Bundles one service into dist/apps/<service>/main.js.
// esbuild resolves the tsconfig path aliases and bundles our libs; SWC transpiles
// each TypeScript file first because NestJS needs decorator metadata, which esbuild
// does not emit. node_modules stay external (installed next to the bundle).
// Static files a feature serves (apps/<service>/src/<feature>/assets/) are copied to
// dist/apps/<service>/assets/<feature>/, beside the bundle.
import { build } from 'esbuild';
import { transform } from '@swc/core';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const service = process.argv[2];
const entry = path.join(root, 'apps', service ?? '', 'src', 'main.ts');
if (!service || !existsSync(entry)) {
  console.error(`build-service: unknown service '${service ?? ''}'`);
  process.exit(2);
}

const swcDecorators = {
  name: 'swc-decorators',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const source = await readFile(file, 'utf8');
      const { code, map } = await transform(source, {
        filename: file,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      });
      return { contents: map ? code : code, loader: 'js' };
    });
  },
};

const started = Date.now();
await build({
  entryPoints: [entry],
  outfile: path.join(root, 'dist', 'apps', service, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.json'),
  plugins: [swcDecorators],
  logLevel: 'warning',
});
const assets = path.join(root, 'dist', 'apps', service, 'assets');
await rm(assets, { recursive: true, force: true });
for (const feature of await readdir(path.dirname(entry), { withFileTypes: true })) {
  const from = path.join(path.dirname(entry), feature.name, 'assets');
  if (feature.isDirectory() && existsSync(from))
    await cp(from, path.join(assets, feature.name), { recursive: true });
}
console.log(`built ${service} in ${Date.now() - started} ms`);
