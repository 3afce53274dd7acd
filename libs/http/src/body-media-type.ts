import { currentCorrelationId } from '@motcua/observability';
import { PROBLEM_BASE, type ProblemDetails } from './problem';

type Req = {
  method?: string;
  path?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};
type Res = {
  status(code: number): Res;
  setHeader(name: string, value: string): void;
  end(body: string): void;
};

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;

/**
 * Every body a motcua route reads is JSON (UTF-8), except raw uploads whose routes check their own
 * media type (`rawBodyPaths`). A body of another type — a form, text, XML, JSON in another charset —
 * would otherwise reach the handler as an empty object and might even be accepted: it is a 415
 * problem naming `content-type`, before any parsing, pipe or database work.
 */
export function bodyMediaTypeGuard(rawBodyPaths: readonly string[] = []) {
  return (request: Req, response: Res, next: () => void): void => {
    const method = (request.method ?? 'GET').toUpperCase();
    const length = Number(headerOf(request, 'content-length') ?? 0);
    const hasBody = headerOf(request, 'transfer-encoding') !== undefined || length > 0;
    if (!hasBody || method === 'GET' || method === 'HEAD') return next();
    const path = (request.path ?? request.url ?? '').split('?')[0];
    if (rawBodyPaths.includes(path)) return next();
    const [essence, ...parameters] = (headerOf(request, 'content-type') ?? '').split(';');
    const type = essence.trim().toLowerCase();
    const charset = parameters
      .map((p) => p.trim().toLowerCase())
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    if (JSON_TYPE.test(type) && (charset === undefined || charset === 'utf-8')) return next();
    const problem: ProblemDetails = {
      type: `${PROBLEM_BASE}unsupported-media-type`,
      title: 'Unsupported Media Type',
      status: 415,
      detail: `the body must be application/json in UTF-8, not ${type || 'an untyped body'}${charset ? ` (${charset})` : ''}`,
      errors: [
        { field: 'content-type', rule: 'media-type', message: 'must be application/json (UTF-8)' },
      ],
      correlationId: currentCorrelationId(),
    };
    response.status(415);
    response.setHeader('content-type', 'application/problem+json; charset=utf-8');
    response.end(JSON.stringify(problem));
  };
}

function headerOf(request: Req, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
