import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { loadConfig } from '@motcua/config';
import type { ServiceDescriptor } from '../bootstrap';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';
import { nestRoutes, undocumentedInputs, type NestRoute } from './openapi-routes';

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
export async function previewOpenApi<C>(
  descriptor: ServiceDescriptor<C>,
): Promise<{ routes: NestRoute[]; document: OpenApiDocument }> {
  const config = loadConfig(descriptor.env, PLACEHOLDER_ENV) as C;
  const app = await NestFactory.createApplicationContext(descriptor.module(config) as never, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return { routes: nestRoutes(app), document: buildOpenApiDocument(app, descriptor) };
  } finally {
    await app.close();
  }
}

/** The document as committed: JSON indented by two spaces (docs/openapi is outside Prettier's reach). */
export function renderOpenApi(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** What the OpenAPI tests of a service look at (ADR 0024); each list is empty when all is well. */
export type OpenApiReport = {
  routes: number;
  /** Inputs a route reads without a zod schema that documents them. */
  undocumentedInputs: string[];
  /**
   * Operations without security, without their 401/403 or 400, without a success answer, or with
   * a success answer whose body has no schema.
   */
  incompleteOperations: string[];
  /** Examples their own schema refuses. */
  refusedExamples: string[];
  committed: string;
  generated: string;
};

type Json = Record<string, unknown>;

function incompleteOperations(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      const security = operation.security as unknown[] | undefined;
      const responses = Object.keys(operation.responses as object);
      if (!Array.isArray(security)) problems.push(`${name}: no security`);
      else if (security.length > 0 && !['401', '403'].every((s) => responses.includes(s)))
        problems.push(`${name}: no 401/403 answers`);
      if ((operation.parameters || operation.requestBody) && !responses.includes('400'))
        problems.push(`${name}: takes input but has no 400 answer`);
      if (!responses.some((s) => s.startsWith('2'))) problems.push(`${name}: no success answer`);
      for (const status of responses.filter((s) => s.startsWith('2'))) {
        const content = (operation.responses as Record<string, { content?: Record<string, Json> }>)[
          status
        ].content;
        for (const [type, media] of Object.entries(content ?? {}))
          if (!media.schema) problems.push(`${name}: ${status} ${type} has no response schema`);
      }
    }
  }
  return problems;
}

function refusedExamples(routes: readonly NestRoute[]): string[] {
  const refused: string[] = [];
  for (const route of routes) {
    const examples: [string, z.ZodType, unknown][] = [];
    for (const [action, schema] of Object.entries(route.actions?.bodies ?? {}))
      examples.push([`${route.path} ${action}`, schema, route.actions?.describe(action).example]);
    const piped = route.args.find((a) => a.source === 'body' && a.schema)?.schema;
    if (piped) examples.push([route.path, piped, route.bodyExample]);
    if (route.body?.kind === 'zod')
      examples.push([route.path, z.union(route.body.schemas as z.ZodType[]), route.body.example]);
    for (const response of route.responses)
      examples.push([`${route.path} ${response.status}`, response.schema, response.example]);
    for (const [name, schema, example] of examples) {
      if (example === undefined) continue;
      const parsed = schema.safeParse(example);
      if (!parsed.success) refused.push(`${name}: ${parsed.error.message}`);
    }
  }
  return refused;
}

/** Builds a service's document as the generator does and compares it with the committed one. */
export async function openApiReport<C>(
  descriptor: ServiceDescriptor<C>,
  repositoryRoot: string,
): Promise<OpenApiReport> {
  const { routes, document } = await previewOpenApi(descriptor);
  const file = join(repositoryRoot, openApiFileOf(descriptor.service));
  return {
    routes: routes.length,
    undocumentedInputs: routes.flatMap((route) =>
      undocumentedInputs(route).map(
        (gap) => `${route.method} ${route.path} (${route.controller}.${route.handler}): ${gap}`,
      ),
    ),
    incompleteOperations: incompleteOperations(document),
    refusedExamples: refusedExamples(routes),
    committed: existsSync(file) ? readFileSync(file, 'utf8') : '(missing)',
    generated: renderOpenApi(document),
  };
}
