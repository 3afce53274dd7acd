/**
 * Writes the OpenAPI document of each service from its routes and their zod schemas (ADR 0024):
 *
 *   node -r ./tools/register-ts.js tools/openapi/generate.ts [--check]
 *
 * docs/openapi/<service>.json for catalog, dossiers, feedback, digitization and reporting, the
 * same documents the services serve at /openapi.json (Swagger UI at /docs). --check writes nothing
 * and exits 1 when a committed document is stale (what each service's openapi.spec.ts also checks).
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openApiFileOf, previewOpenApi, renderOpenApi } from '../../libs/testing/src/openapi';
import { OPENAPI_SERVICES } from './services';

const ROOT = resolve(__dirname, '../..');
const check = process.argv.includes('--check');

async function main(): Promise<number> {
  const stale: string[] = [];
  for (const descriptor of OPENAPI_SERVICES) {
    const path = openApiFileOf(descriptor.service);
    const { document } = await previewOpenApi(descriptor as never);
    const content = renderOpenApi(document);
    const target = join(ROOT, path);
    const operations = Object.values(document.paths).reduce(
      (n, methods) => n + Object.keys(methods).length,
      0,
    );
    if (existsSync(target) && readFileSync(target, 'utf8') === content) {
      process.stdout.write(`${path}: up to date (${operations} operations)\n`);
      continue;
    }
    stale.push(path);
    if (check) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    process.stdout.write(`${path}: written (${operations} operations)\n`);
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `stale: ${stale.join(', ')}; run node -r ./tools/register-ts.js tools/openapi/generate.ts\n`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
