import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { loadConfig } from '@motcua/config';
import {
  buildOpenApiDocument,
  nestRoutes,
  undocumentedInputs,
  type OpenApiDocument,
  type ServiceDescriptor,
} from '@motcua/http';
import { repoRoot } from './repo-root';

/**
 * Values that satisfy every service's environment schema: the document does not depend on them
 * (the preview context instantiates no provider, so nothing connects anywhere).
 */
const PLACEHOLDER_ENV: Record<string, string> = {
  PORT: '3000',
  DATABASE_URL: 'postgresql://openapi@localhost/openapi',
  REDIS_URL: 'redis://localhost:6379/0',
  KAFKA_BROKERS: 'localhost:9092',
  KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  AUTH_ISSUER: 'https://idp.example',
  AUTH_AUDIENCE: 'motcua',
  APPLICANT_KEY_SECRET: 'openapi-placeholder-'.repeat(4),
};

export const openApiFileOf = (service: string) => `docs/openapi/${service}.json`;

/** The routes and document of a service, from its module in Nest's preview mode (no connection). */
export async function previewOpenApi<C>(descriptor: ServiceDescriptor<C>) {
  const config = loadConfig(descriptor.env, PLACEHOLDER_ENV) as C;
  const app = await NestFactory.createApplicationContext(descriptor.module(config) as never, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return {
      routes: nestRoutes(app),
      document: buildOpenApiDocument(app, descriptor),
    };
  } finally {
    await app.close();
  }
}

/** The document as committed: JSON indented by two spaces (docs/openapi is outside Prettier's reach). */
export function renderOpenApi(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Defines the OpenAPI tests of a service (see docs/adr/0024-openapi-from-zod.md). */
export function runOpenApiChecks<C>(descriptor: ServiceDescriptor<C>): void {
  let preview: Awaited<ReturnType<typeof previewOpenApi<C>>>;
  beforeAll(async () => {
    preview = await previewOpenApi(descriptor);
  });

  it(`${descriptor.service}: every input of every route has a zod schema that documents it`, () => {
    const gaps = preview.routes.flatMap((route) =>
      undocumentedInputs(route).map(
        (gap) => `${route.method} ${route.path} (${route.controller}.${route.handler}): ${gap}`,
      ),
    );
    expect(gaps).toEqual([]);
    expect(preview.routes.length).toBeGreaterThanOrEqual(3);
  });

  it(`${descriptor.service}: every operation declares its security and its problem answers`, () => {
    for (const [path, methods] of Object.entries(preview.document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        const security = operation.security as unknown[];
        const responses = Object.keys(operation.responses as object);
        expect({ name, declared: Array.isArray(security) }).toEqual({ name, declared: true });
        if (security.length > 0) expect({ name, responses }).toEqual({ name, responses: expect.arrayContaining(['401', '403']) });
        if (operation.parameters || operation.requestBody)
          expect({ name, responses }).toEqual({ name, responses: expect.arrayContaining(['400']) });
        expect({ name, success: responses.some((s) => s.startsWith('2')) }).toEqual({ name, success: true });
      }
    }
  });

  it(`${descriptor.service}: every example in the document passes the schema it illustrates`, () => {
    const failures: string[] = [];
    for (const route of preview.routes) {
      const examples: [string, z.ZodType, unknown][] = [];
      for (const [action, schema] of Object.entries(route.actions?.bodies ?? {}))
        examples.push([`${route.path} ${action}`, schema, route.actions!.describe(action).example]);
      if (route.body?.kind === 'zod' && route.body.example !== undefined)
        examples.push([route.path, z.union(route.body.schemas as z.ZodType[]), route.body.example]);
      for (const response of route.responses)
        if (response.example !== undefined)
          examples.push([`${route.path} ${response.status}`, response.schema, response.example]);
      for (const [name, schema, example] of examples) {
        if (example === undefined) continue;
        const parsed = schema.safeParse(example);
        if (!parsed.success) failures.push(`${name}: ${parsed.error.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it(`${descriptor.service}: the committed ${openApiFileOf(descriptor.service)} is the generated one (node -r ./tools/register-ts.js tools/openapi/generate.ts)`, () => {
    const path = openApiFileOf(descriptor.service);
    const file = join(repoRoot(), path);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '(missing)';
    expect(committed).toBe(renderOpenApi(preview.document));
  });
}
