// Bundles one service into dist/apps/<service>/main.js.
// esbuild resolves the tsconfig path aliases and bundles our libs; SWC transpiles
// each TypeScript file first because NestJS needs decorator metadata, which esbuild
// does not emit. node_modules stay external (installed next to the bundle).
// Static files a feature serves (apps/<service>/src/<feature>/assets/) are copied to
// dist/apps/<service>/assets/<feature>/, beside the bundle.
// A service with a database also gets its migration job's entrypoint: migrate.js (from
// tools/prisma/migrate-job.ts), prisma.config.js and prisma/ (its schema and committed migrations),
// so its image holds everything both entrypoints run. dist/build-inputs/<service>.json lists the
// files the build read and the packages the bundle requires (the Dockerfile test checks the image's
// build copies those files and that the packages are production dependencies).
import { build } from 'esbuild';
import { transform } from '@swc/core';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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
const out = path.join(root, 'dist', 'apps', service);
const options = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.json'),
  plugins: [swcDecorators],
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
};
const entries = [{ from: entry, to: 'main.js' }];
const prismaDir = path.join(root, 'apps', service, 'prisma');
if (existsSync(path.join(prismaDir, 'schema.prisma'))) {
  entries.push(
    { from: path.join(root, 'tools', 'prisma', 'migrate-job.ts'), to: 'migrate.js' },
    {
      from: path.join(root, 'apps', service, 'prisma.config.ts'),
      to: 'prisma.config.js',
      // Prisma's config loader reads module.exports itself, not an ES module's default export.
      footer: { js: 'module.exports = module.exports.default;' },
    },
  );
  await rm(path.join(out, 'prisma'), { recursive: true, force: true });
  await cp(path.join(prismaDir, 'schema.prisma'), path.join(out, 'prisma', 'schema.prisma'));
  await cp(path.join(prismaDir, 'migrations'), path.join(out, 'prisma', 'migrations'), {
    recursive: true,
  });
}
const inputs = new Set();
const packages = new Set();
/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
for (const { from, to, footer } of entries) {
  const { metafile } = await build({
    ...options,
    footer,
    entryPoints: [from],
    outfile: path.join(out, to),
  });
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    inputs.add(input);
    for (const { path: specifier, external } of imports)
      if (external && !isBuiltin(specifier)) packages.add(packageOf(specifier));
  }
}
await mkdir(path.join(root, 'dist', 'build-inputs'), { recursive: true });
await writeFile(
  path.join(root, 'dist', 'build-inputs', `${service}.json`),
  `${JSON.stringify({ inputs: [...inputs].sort(), packages: [...packages].sort() }, null, 2)}\n`,
);
const assets = path.join(root, 'dist', 'apps', service, 'assets');
await rm(assets, { recursive: true, force: true });
for (const feature of await readdir(path.dirname(entry), { withFileTypes: true })) {
  const from = path.join(path.dirname(entry), feature.name, 'assets');
  if (feature.isDirectory() && existsSync(from))
    await cp(from, path.join(assets, feature.name), { recursive: true });
}
console.log(`built ${service} in ${Date.now() - started} ms`);
