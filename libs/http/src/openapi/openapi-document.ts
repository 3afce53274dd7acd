import type { INestApplicationContext } from '@nestjs/common';
import { z } from 'zod';
import type { ActionDoc } from './openapi.decorators';
import { nestRoutes, type NestRoute } from './openapi-routes';
import { PROBLEM_RESPONSES, problemSchema } from './problem-schemas';

type Json = Record<string, unknown>;

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; description: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: {
    securitySchemes: Json;
    schemas: Record<string, Json>;
    responses: Record<string, Json>;
  };
};

/** `version`: the service's release (apps/<service>/package.json). */
export type OpenApiInfo = { title: string; description: string; version: string };

const PROBLEM_JSON = 'application/problem+json';

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of what a caller sends or receives. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as Json;
  return json;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** `DossierLifecycleController.perform` → `DossierLifecycle_perform` (stable across builds). */
const operationIdOf = (route: NestRoute, action?: string) =>
  `${route.controller.replace(/Controller$/, '')}_${route.handler}${action ? `_${pascal(action)}` : ''}`;

/** The header of a problem that tells when to try again (429, 503). */
const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before retrying',
  schema: { type: 'integer', minimum: 0 },
};

function problemRef(status: number, description?: string): Json {
  const known = PROBLEM_RESPONSES[status];
  if (known && !description) return { $ref: `#/components/responses/${known.name}` };
  return {
    description: description || known?.description || 'Problem',
    content: {
      [PROBLEM_JSON]: {
        schema: { $ref: '#/components/schemas/Problem' },
        ...(known ? { example: known.example } : {}),
      },
    },
  };
}

function parametersOf(route: NestRoute, actionParam?: string): Json[] {
  const parameters: Json[] = [];
  for (const arg of route.args) {
    if (arg.source === 'param' && arg.name && arg.name !== actionParam && arg.schema) {
      parameters.push({
        name: arg.name,
        in: 'path',
        required: true,
        schema: jsonSchemaOf(arg.schema),
      });
    }
    if ((arg.source === 'query' || (arg.source === 'param' && !arg.name)) && arg.schema) {
      const where = arg.source === 'query' ? 'query' : 'path';
      const object = jsonSchemaOf(arg.schema);
      const properties = (object.properties ?? {}) as Record<string, Json>;
      const required = new Set((object.required ?? []) as string[]);
      if (arg.name) {
        parameters.push({ name: arg.name, in: where, required: false, schema: object });
        continue;
      }
      for (const [name, schema] of Object.entries(properties)) {
        const { description, ...rest } = schema;
        parameters.push({
          name,
          in: where,
          required: where === 'path' || required.has(name),
          ...(description ? { description } : {}),
          schema: rest,
        });
      }
    }
  }
  for (const header of [...route.headers].sort((a, b) => a.name.localeCompare(b.name))) {
    parameters.push({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: jsonSchemaOf(header.schema),
    });
  }
  return parameters;
}

type Components = OpenApiDocument['components'];

function requestBodyOf(
  route: NestRoute,
  components: Components,
  id: string,
  action?: ActionDoc & { schema: z.ZodType },
): Json | undefined {
  const register = (schema: z.ZodType, name: string) => {
    components.schemas[name] = jsonSchemaOf(schema);
    return { $ref: `#/components/schemas/${name}` };
  };
  const optional = (schemas: readonly z.ZodType[]) => schemas.every((s) => s.safeParse({}).success);
  const json = (
    schema: Json,
    required: boolean,
    example?: unknown,
    description?: string,
  ): Json => ({
    required,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  });
  if (action)
    return json(register(action.schema, `${id}Body`), !optional([action.schema]), action.example);
  const piped = route.args.find((a) => a.source === 'body' && a.schema)?.schema;
  if (piped) return json(register(piped, `${id}Body`), !optional([piped]), route.bodyExample);
  const doc = route.body;
  if (!doc) return undefined;
  if (doc.kind === 'raw') {
    return {
      required: true,
      description: doc.description,
      content: Object.fromEntries(
        doc.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    };
  }
  const schema =
    doc.schemas.length === 1
      ? register(doc.schemas[0], `${id}Body`)
      : { oneOf: doc.schemas.map((s, i) => register(s, `${id}Body${i + 1}`)) };
  return json(schema, !optional(doc.schemas), doc.example, doc.description);
}

function responsesOf(route: NestRoute, hasInput: boolean, hasPathParams: boolean): Json {
  const responses: Record<string, Json> = {};
  const success = route.httpCode ?? (route.method === 'POST' ? 201 : 200);
  const declaredSuccess = Object.keys(route.declaredResponses)
    .map(Number)
    .filter((s) => s < 300);
  const produces = route.produces.length > 0 ? route.produces : ['application/json'];
  // A file or text answer is a string; a JSON one has the schema of its @ApiZodResponse (ADR 0031).
  const textContent = (type: string): Json =>
    type.includes('json')
      ? {}
      : { schema: { type: 'string', ...(type.startsWith('text/') ? {} : { format: 'binary' }) } };
  for (const status of declaredSuccess.length > 0 ? declaredSuccess : [success]) {
    responses[String(status)] = {
      description:
        route.declaredResponses[String(status)] ||
        (status === 201 ? 'Created' : status === 204 ? 'No content' : 'OK'),
      ...(status === 204
        ? {}
        : { content: Object.fromEntries(produces.map((t) => [t, textContent(t)])) }),
    };
  }
  for (const doc of route.responses) {
    const existing = responses[String(doc.status)] as
      { content?: Record<string, Json> } | undefined;
    const type = doc.contentType ?? 'application/json';
    const others = Object.entries(existing?.content ?? {}).filter(([t]) => t !== type);
    responses[String(doc.status)] = {
      description: doc.description,
      content: Object.fromEntries([
        [
          type,
          {
            schema: jsonSchemaOf(doc.schema, 'output'),
            ...(doc.example !== undefined ? { example: doc.example } : {}),
          },
        ],
        ...(doc.status < 300 ? others : []),
      ]),
    };
  }
  const problems = new Map<number, string | undefined>();
  if (hasInput) problems.set(400, undefined);
  if (!route.public) {
    problems.set(401, undefined);
    problems.set(403, undefined);
  }
  if (hasPathParams) problems.set(404, undefined);
  if (!route.public && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) {
    problems.set(409, undefined);
    problems.set(422, undefined);
  }
  if (!route.path.startsWith('/health')) problems.set(503, undefined);
  for (const [status, description] of Object.entries(route.declaredResponses)) {
    if (Number(status) >= 400) problems.set(Number(status), description || undefined);
  }
  for (const [status, description] of [...problems].sort(([a], [b]) => a - b)) {
    if (responses[String(status)]) continue;
    responses[String(status)] = problemRef(status, description);
  }
  return responses;
}

function securityText(route: NestRoute): string {
  return route.public
    ? 'Public: no token needed.'
    : `Bearer token (JWT) of one of the roles: ${route.roles.join(', ') || '(none: admin only)'}.`;
}

function operationsOf(route: NestRoute, components: Components): [string, Json][] {
  const base = operationIdOf(route);
  const build = (
    path: string,
    id: string,
    action?: ActionDoc & { schema: z.ZodType },
  ): [string, Json] => {
    const parameters = parametersOf(route, route.actions?.param);
    const requestBody = requestBodyOf(route, components, pascal(id), action);
    const hasPathParams = parameters.some((p) => p.in === 'path') || path.includes('{');
    const summary = action?.summary ?? route.summary;
    const description = [action?.description ?? route.description, securityText(route)]
      .filter(Boolean)
      .join('\n\n');
    return [
      path,
      {
        operationId: id,
        ...(summary ? { summary } : {}),
        description,
        tags: route.tags,
        security: route.public ? [] : [{ bearer: [] }],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses: responsesOf(
          route,
          parameters.length > 0 || requestBody !== undefined || !!action,
          hasPathParams,
        ),
      },
    ];
  };
  const actions = route.actions;
  if (!actions) return [build(route.path, base)];
  return Object.entries(actions.bodies).map(([action, schema]) =>
    build(route.path.replace(`{${actions.param}}`, action), operationIdOf(route, action), {
      ...actions.describe(action),
      schema,
    }),
  );
}

/**
 * The OpenAPI 3.1 document of a Nest application, built from the routes Nest serves and the zod
 * schemas their pipes validate with (ADR 0024): what the document says a route takes is what the
 * route checks. Deterministic (sorted), so a committed copy can be compared.
 */
export function buildOpenApiDocument(
  app: INestApplicationContext,
  info: OpenApiInfo,
): OpenApiDocument {
  const components: Components = {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token of the identity provider (docs/authorization.md); its roles and agency decide what the caller may do.',
      },
    },
    schemas: { Problem: jsonSchemaOf(problemSchema, 'output') },
    responses: {},
  };
  for (const problem of Object.values(PROBLEM_RESPONSES)) {
    components.responses[problem.name] = {
      description: `${problem.description} Problem types: ${problem.slugs.join(', ')}.`,
      ...(problem.retryAfter ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      content: {
        [PROBLEM_JSON]: {
          schema: { $ref: '#/components/schemas/Problem' },
          example: problem.example,
        },
      },
    };
  }
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  const operationIds = new Set<string>();
  for (const route of nestRoutes(app)) {
    route.tags.forEach((t) => tags.add(t));
    for (const [path, operation] of operationsOf(route, components)) {
      // One handler on several paths (`/health` and `/health/ready`): the alias names its path.
      if (operationIds.has(operation.operationId as string))
        operation.operationId = `${operation.operationId as string}_${pascal(path)}`;
      operationIds.add(operation.operationId as string);
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
    }
  }
  const sortKeys = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info: { title: info.title, description: info.description, version: info.version },
    tags: [...tags].sort().map((name) => ({ name })),
    paths: sortKeys(paths),
    components: {
      securitySchemes: components.securitySchemes,
      schemas: sortKeys(components.schemas),
      responses: components.responses,
    },
  };
}
