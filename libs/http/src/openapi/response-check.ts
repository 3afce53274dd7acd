import type { z } from 'zod';
import type { Logger } from '@motcua/observability';
import { PROBLEM_BASE } from '../problem';
import type { NestRoute } from './openapi-routes';

/**
 * Whether a service checks its own JSON success answers against the response schemas its
 * document publishes (RESPONSE_SCHEMA_CHECK): `off` (the default), `log` (an error line per answer
 * that differs), `enforce` (the answer becomes a 500 problem `response-schema-mismatch`; what the
 * integration tests run with, so a schema nobody checks cannot drift from the view it documents).
 */
export type ResponseCheckMode = 'off' | 'log' | 'enforce';

type Matcher = { method: string; path: string; pattern: RegExp; schemas: readonly z.ZodType[] };

const isJson = (contentType: string | undefined) =>
  !!contentType && /^application\/json\b/i.test(contentType);

/** The JSON success schemas of each route, literal paths before parametrised ones. */
export function responseMatchers(routes: readonly NestRoute[]): Matcher[] {
  const params = (path: string) => (path.match(/\{/g) ?? []).length;
  return routes
    .map((route) => ({
      method: route.method,
      path: route.path,
      pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
      schemas: route.responses
        .filter((r) => r.status < 300 && isJson(r.contentType ?? 'application/json'))
        .map((r) => r.schema),
    }))
    .sort((a, b) => params(a.path) - params(b.path));
}

/**
 * What is wrong with a JSON success answer, measured against the schemas of the route that sent
 * it; undefined when it conforms, or when it is no JSON success answer of a documented route.
 */
export function responseMismatch(
  matchers: readonly Matcher[],
  answer: { method: string; url: string; status: number; contentType?: string; body: string },
): string | undefined {
  if (answer.status < 200 || answer.status >= 300 || !isJson(answer.contentType)) return undefined;
  const path = answer.url.split('?')[0];
  const route = matchers.find((m) => m.method === answer.method && m.pattern.test(path));
  if (!route) return undefined;
  const where = `${answer.method} ${route.path} ${answer.status}`;
  if (route.schemas.length === 0) return `${where}: the route documents no response schema`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `${where}: the answer is not JSON`;
  }
  const results = route.schemas.map((schema) => schema.safeParse(body));
  if (results.some((r) => r.success)) return undefined;
  const issues = results.flatMap((r) => r.error?.issues ?? []).slice(0, 10);
  return `${where}: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`;
}

const MISMATCH_PROBLEM = (detail: string) =>
  JSON.stringify({
    type: `${PROBLEM_BASE}response-schema-mismatch`,
    title: 'The answer does not match its documented schema',
    status: 500,
    detail,
  });

type Check = (
  method: string,
  url: string,
  status: number,
  contentType: string | undefined,
  body: string,
) => string | undefined;

function checker(matchers: Matcher[], mode: ResponseCheckMode, logger: Logger): Check {
  return (method, url, status, contentType, body) => {
    const mismatch = responseMismatch(matchers, { method, url, status, contentType, body });
    if (!mismatch) return undefined;
    logger.error({ problem: 'response-schema-mismatch' }, mismatch);
    return mode === 'enforce' ? mismatch : undefined;
  };
}

type FastifyReplyLike = {
  statusCode: number;
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
  code(status: number): unknown;
};

/** Fastify: an `onSend` hook sees the serialised payload and may replace it. */
export function fastifyResponseCheck(
  matchers: Matcher[],
  mode: ResponseCheckMode,
  logger: Logger,
): (
  request: { method: string; url: string },
  reply: FastifyReplyLike,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
) => void {
  const check = checker(matchers, mode, logger);
  return (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const contentType = reply.getHeader('content-type') as string | undefined;
    const mismatch = check(
      request.method,
      request.url,
      reply.statusCode,
      contentType,
      payload.toString(),
    );
    if (!mismatch) return done(null, payload);
    reply.code(500);
    reply.header('content-type', 'application/problem+json; charset=utf-8');
    done(null, MISMATCH_PROBLEM(mismatch));
  };
}
