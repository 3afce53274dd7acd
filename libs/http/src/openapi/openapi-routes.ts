import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import type { z } from 'zod';
import { PUBLIC_KEY, ROLES_KEY } from '@motcua/auth';
import { ZodValidationPipe } from '../zod-validation.pipe';
import {
  OPENAPI_ACTIONS,
  OPENAPI_BODY,
  OPENAPI_BODY_EXAMPLE,
  OPENAPI_HEADERS,
  OPENAPI_QUERY,
  OPENAPI_RESPONSES,
  type ActionsDoc,
  type BodyDoc,
  type HeaderDoc,
  type ResponseDoc,
} from './openapi.decorators';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One argument of a handler as Nest binds it, with the zod schema of its pipe when it has one. */
export type RouteArg = {
  source: 'body' | 'query' | 'param' | 'headers' | 'request' | 'response' | 'other';
  /** `@Param('id')` → `id`; absent for the whole object. */
  name?: string;
  schema?: z.ZodType;
};

/** A route of a Nest application, read from the metadata Nest itself routes and validates with. */
export type NestRoute = {
  controller: string;
  handler: string;
  method: HttpMethod;
  /** OpenAPI form: `/dossiers/{id}/actions/{action}`. */
  path: string;
  public: boolean;
  roles: readonly string[];
  args: readonly RouteArg[];
  httpCode?: number;
  tags: readonly string[];
  summary?: string;
  description?: string;
  produces: readonly string[];
  /** Responses declared with @ApiResponse (status → description). */
  declaredResponses: Readonly<Record<string, string>>;
  body?: BodyDoc;
  /** An example of the body a zodBody pipe validates. */
  bodyExample?: unknown;
  headers: readonly HeaderDoc[];
  actions?: ActionsDoc;
  responses: readonly ResponseDoc[];
};

const METHODS: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const SOURCES: Partial<Record<RouteParamtypes, RouteArg['source']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'param',
  [RouteParamtypes.HEADERS]: 'headers',
  [RouteParamtypes.REQUEST]: 'request',
  [RouteParamtypes.RESPONSE]: 'response',
};

type Controller = { name: string; prototype: Record<string, unknown> };

/** The controllers of an application (or of a preview context: nothing is instantiated). */
function controllersOf(app: INestApplicationContext): Controller[] {
  const container = (app as unknown as { container: { getModules(): Map<string, unknown> } })
    .container;
  const seen = new Set<unknown>();
  const controllers: Controller[] = [];
  for (const module of container.getModules().values()) {
    const wrappers = (module as { controllers: Map<unknown, { metatype: unknown }> }).controllers;
    for (const wrapper of wrappers.values()) {
      if (!wrapper.metatype || seen.has(wrapper.metatype)) continue;
      seen.add(wrapper.metatype);
      controllers.push(wrapper.metatype as Controller);
    }
  }
  return controllers;
}

const asList = (value: unknown): string[] =>
  value === undefined ? [''] : Array.isArray(value) ? (value as string[]) : [value as string];

export function openApiPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map((segment) => segment.replace(/^:([A-Za-z0-9_]+)$/, '{$1}'))
    .join('/');
  return `/${joined}`;
}

function argsOf(controller: Controller, handler: string): RouteArg[] {
  const metadata =
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) as
      Record<string, { index: number; data?: unknown; pipes?: unknown[] }> | undefined) ?? {};
  return Object.entries(metadata)
    .sort(([, a], [, b]) => a.index - b.index)
    .map(([key, value]) => {
      const type = Number(key.split(':')[0]) as RouteParamtypes;
      const pipe = (value.pipes ?? []).find((p) => p instanceof ZodValidationPipe) as
        { schema: z.ZodType } | undefined;
      return {
        source: SOURCES[type] ?? 'other',
        name: typeof value.data === 'string' ? value.data : undefined,
        schema:
          pipe?.schema ??
          (type === RouteParamtypes.QUERY && value.data === undefined
            ? (Reflect.getMetadata(OPENAPI_QUERY, controller.prototype[handler] as object) as
                z.ZodType | undefined)
            : undefined),
      };
    });
}

/** Every route of the application's controllers (those not excluded from the document). */
export function nestRoutes(app: INestApplicationContext): NestRoute[] {
  const routes: NestRoute[] = [];
  for (const controller of controllersOf(app)) {
    const excluded = Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller) as
      boolean[] | undefined;
    if (excluded?.[0]) continue;
    const basePaths = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const handler of Object.getOwnPropertyNames(controller.prototype)) {
      const fn = controller.prototype[handler];
      if (handler === 'constructor' || typeof fn !== 'function') continue;
      const verb = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
      if (verb === undefined || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
      const endpoint = Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, fn) as
        { disable?: boolean } | undefined;
      if (endpoint?.disable) continue;
      const method = METHODS[verb];
      if (!method) throw new Error(`${controller.name}.${handler}: unsupported HTTP method`);
      const read = <T>(key: string): T | undefined =>
        (Reflect.getMetadata(key, fn) as T | undefined) ??
        (Reflect.getMetadata(key, controller) as T | undefined);
      const operation = read<{ summary?: string; description?: string }>(DECORATORS.API_OPERATION);
      const declared = read<Record<string, { description?: string }>>(DECORATORS.API_RESPONSE);
      for (const base of basePaths) {
        for (const own of asList(Reflect.getMetadata(PATH_METADATA, fn))) {
          routes.push({
            controller: controller.name,
            handler,
            method,
            path: openApiPath(base, own),
            public: read<boolean>(PUBLIC_KEY) === true,
            roles: read<string[]>(ROLES_KEY) ?? [],
            args: argsOf(controller, handler),
            httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined,
            tags: read<string[]>(DECORATORS.API_TAGS) ?? [],
            summary: operation?.summary,
            description: operation?.description,
            produces: read<string[]>(DECORATORS.API_PRODUCES) ?? [],
            declaredResponses: Object.fromEntries(
              Object.entries(declared ?? {}).map(([status, r]) => [status, r.description ?? '']),
            ),
            body: read<BodyDoc>(OPENAPI_BODY),
            bodyExample: Reflect.getMetadata(OPENAPI_BODY_EXAMPLE, fn) as unknown,
            headers: (Reflect.getMetadata(OPENAPI_HEADERS, fn) as HeaderDoc[] | undefined) ?? [],
            actions: read<ActionsDoc>(OPENAPI_ACTIONS),
            responses:
              (Reflect.getMetadata(OPENAPI_RESPONSES, fn) as ResponseDoc[] | undefined) ?? [],
          });
        }
      }
    }
  }
  return routes;
}

/**
 * What a route reads without a schema to document it: a path parameter, query, body or header not
 * validated by a zod pipe nor described by ApiZodBody/ApiZodHeader/ApiZodActions, or a POST/PUT/
 * PATCH that reads the raw request without ApiRawBody. Empty when the route is fully described.
 */
export function undocumentedInputs(route: NestRoute): string[] {
  const gaps: string[] = [];
  const args = route.args;
  const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const name of pathParams) {
    if (route.actions?.param === name) continue;
    const arg = args.find((a) => a.source === 'param' && (a.name === name || !a.name));
    if (!arg?.schema) gaps.push(`path parameter ${name}`);
  }
  for (const arg of args) {
    if (arg.source === 'query' && !arg.schema) gaps.push(`query ${arg.name ?? '(object)'}`);
    if (arg.source === 'body' && !arg.schema && !route.body && !route.actions) gaps.push('body');
    if (arg.source === 'headers' && arg.name) {
      const doc = route.headers.find((h) => h.name.toLowerCase() === arg.name!.toLowerCase());
      if (!doc) gaps.push(`header ${arg.name}`);
    }
    if (arg.source === 'param' && arg.name && !pathParams.includes(arg.name))
      gaps.push(`parameter ${arg.name} not in the path`);
  }
  const readsBody = args.some((a) => a.source === 'body');
  if (
    ['POST', 'PUT', 'PATCH'].includes(route.method) &&
    !readsBody &&
    args.some((a) => a.source === 'request') &&
    !route.body
  )
    gaps.push('raw request body');
  return gaps;
}
