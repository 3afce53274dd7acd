import type { ServiceName } from '@motcua/contracts';
import { BLANK_ALLOWED, TEMPLATES, TEXT_KEYS, type Template } from './bad-input.templates';

/**
 * The generated corpus of malformed requests. Two families:
 * - per route of each service's OpenAPI document: wrong JSON types, broken JSON, control
 *   characters, lone surrogates, deep nesting, oversized bodies, wrong content types, junk path
 *   parameters and queries, broken and duplicate headers;
 * - per field of each well-formed request of bad-input.templates.ts: that field broken one way at a
 *   time, which must be a 400 problem naming the field.
 */
export type Route = { method: string; path: string };
export type Case = {
  service: ServiceName;
  route: Route;
  url: string;
  label: string;
  body?: string;
  headers?: Record<string, string | string[]>;
  /** No route of ours can accept it: any 2xx fails the corpus. */
  mustRefuse: boolean;
  /** A field-level case: exactly this status, with an error naming this field. */
  expect?: { status: number; field: string };
};

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let deep: unknown = 'x';
for (let i = 0; i < 200; i++) deep = { nested: deep };

const JSON_TYPE = 'application/json';

/** Bodies for routes that take one; `mustRefuse` when no route of ours can accept it. */
export const BODIES: { label: string; body: string; contentType?: string; mustRefuse: boolean }[] =
  [
    { label: 'empty object', body: '{}', mustRefuse: false },
    { label: 'array', body: '[]', mustRefuse: false }, // a route that reads no body may ignore it
    { label: 'string', body: '"dossier"', mustRefuse: true },
    { label: 'number', body: '42', mustRefuse: true },
    { label: 'null', body: 'null', mustRefuse: true },
    { label: 'broken JSON', body: '{"applicant": {"name": ', mustRefuse: true },
    {
      label: 'NUL in a field',
      body: JSON.stringify({ name: 'a\u0000b', reason: 'x\u0000', code: '\u0000' }),
      mustRefuse: true,
    },
    {
      label: 'BEL in a field',
      body: JSON.stringify({ applicant: { fullName: 'Trần\u0007B' }, reason: 'ok\u0007' }),
      mustRefuse: true,
    },
    {
      label: 'C1 control in a member name',
      body: JSON.stringify({ 'rea\u0085son': 'x' }),
      mustRefuse: true,
    },
    {
      label: 'lone surrogate',
      body: JSON.stringify({ decision: { number: 'QĐ \uD83D' }, reason: '\uDE00' }),
      mustRefuse: true,
    },
    { label: 'deep nesting', body: JSON.stringify(deep), mustRefuse: true },
    {
      label: 'wrong types everywhere',
      body: JSON.stringify({ id: 1, code: [], name: {}, items: 'x', date: true, page: 'one' }),
      mustRefuse: false,
    },
    {
      label: 'blank strings',
      body: JSON.stringify({ reason: '   ', name: ' ', code: '  ', note: '\t' }),
      mustRefuse: false,
    },
    {
      label: 'a 2 MB string',
      body: JSON.stringify({ reason: 'x'.repeat(2 * 1024 * 1024) }),
      mustRefuse: true,
    },
    {
      label: 'a 300 kB array',
      body: JSON.stringify({ items: Array.from({ length: 60_000 }, () => 'abcd') }),
      mustRefuse: true,
    },
    { label: 'text/plain', body: 'hello', contentType: 'text/plain', mustRefuse: true },
    {
      label: 'a form',
      body: 'reason=x&name=y',
      contentType: 'application/x-www-form-urlencoded',
      mustRefuse: true,
    },
    { label: 'XML', body: '<a>b</a>', contentType: 'application/xml', mustRefuse: true },
    {
      label: 'JSON in UTF-16',
      body: '{}',
      contentType: 'application/json; charset=utf-16',
      mustRefuse: true,
    },
  ];

/** Values for path parameters: none of them names an existing object. */
const PATH_VALUES = [
  { label: 'unknown uuid', value: UNKNOWN_ID },
  { label: 'not an id', value: 'not-an-id' },
  { label: 'NUL', value: 'a%00b' },
  { label: 'BEL', value: 'a%07b' },
  { label: 'blank', value: '%20%20' },
  { label: 'long', value: 'x'.repeat(600) },
  { label: 'encoded slash and dots', value: '..%2F..%2Fetc' },
];

const QUERIES = [
  'page=-1&pageSize=abc',
  'from=yesterday&to=2026-13-45',
  'q=%00&code=%00',
  'q=%07&domain=%20%20',
  'year=99999&agencyCode=%F0%9F',
  'x[y][z]=1&page[]=2',
  'agency=a&agency=b&limit=1e309',
];

/** Header cases for each route: broken credentials, duplicates, junk correlation ids. */
const HEADERS: { label: string; headers: Record<string, string | string[]> }[] = [
  { label: 'a malformed bearer token', headers: { authorization: 'Bearer not.a.token' } },
  { label: 'basic credentials', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
  { label: 'two idempotency keys', headers: { 'idempotency-key': ['key-00000001', 'key-2'] } },
  { label: 'a short idempotency key', headers: { 'idempotency-key': 'k' } },
  { label: 'a 500-character correlation id', headers: { 'x-correlation-id': 'c'.repeat(500) } },
  { label: 'a junk traceparent', headers: { traceparent: '00-zz-zz-01' } },
];

function instantiate(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

/** The generic cases of one route of an OpenAPI document. */
export function routeCases(service: ServiceName, baseUrl: string, route: Route): Case[] {
  const hasParams = /\{[^}]+\}/.test(route.path);
  const targets = hasParams
    ? PATH_VALUES.map((p) => ({
        label: `path ${p.label}`,
        path: instantiate(route.path, p.value),
        junkPath: p.value !== UNKNOWN_ID,
      }))
    : [{ label: 'path', path: route.path, junkPath: false }];
  const cases: Case[] = [];
  const takesBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  for (const target of targets) {
    const url = `${baseUrl}${target.path}`;
    if (takesBody) {
      for (const body of target.junkPath ? BODIES.slice(0, 1) : BODIES) {
        cases.push({
          service,
          route,
          url,
          label: `${target.label}, body ${body.label}`,
          body: body.body,
          headers: { 'content-type': body.contentType ?? JSON_TYPE },
          mustRefuse: body.mustRefuse,
        });
      }
    } else {
      for (const query of target.junkPath ? [''] : QUERIES) {
        cases.push({
          service,
          route,
          url: `${url}${query ? `?${query}` : ''}`,
          label: `${target.label}${query ? `, query ${query}` : ''}`,
          mustRefuse: false,
        });
      }
    }
  }
  const url = `${baseUrl}${instantiate(route.path, UNKNOWN_ID)}`;
  for (const header of HEADERS) {
    cases.push({
      service,
      route,
      url,
      label: `header ${header.label}`,
      ...(takesBody ? { body: '{}' } : {}),
      headers: { ...(takesBody ? { 'content-type': JSON_TYPE } : {}), ...header.headers },
      mustRefuse: false,
    });
  }
  return cases;
}

type Leaf = { path: (string | number)[]; value: unknown };

function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) {
    return [{ path, value }, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [{ path, value }];
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (
    Array.isArray(body) ? [...(body as unknown[])] : { ...(body as Record<string, unknown>) }
  ) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

const textKeyOf = (path: (string | number)[]) =>
  String([...path].reverse().find((p) => typeof p === 'string') ?? '');

/** How one string field is broken; `text` when the field takes human text (any non-blank text is valid). */
function stringMutations(key: string): { label: string; value: unknown }[] {
  const text = TEXT_KEYS.has(key);
  return [
    ...(BLANK_ALLOWED.has(key) ? [] : [{ label: 'blank', value: '   ' }]),
    { label: 'NUL', value: 'a\u0000b' },
    { label: 'BEL', value: 'Trần\u0007B' },
    { label: 'lone surrogate', value: 'QĐ \uD83D' },
    { label: 'overlong', value: 'x'.repeat(20_001) },
    { label: 'wrong type', value: 42 },
    ...(text ? [] : [{ label: 'malformed code', value: 'not a code!' }]),
  ];
}

function templateUrl(baseUrl: string, template: Template): string {
  return `${baseUrl}${template.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => template.params?.[name] ?? UNKNOWN_ID,
  )}`;
}

/** The field-level cases of every template of one service. */
export function fieldCases(service: ServiceName, baseUrl: string): Case[] {
  const cases: Case[] = [];
  for (const template of TEMPLATES.filter((t) => t.service === service)) {
    const route = { method: template.method, path: template.path };
    const url = templateUrl(baseUrl, template);
    const name = '';
    if (template.body) {
      for (const leaf of leaves(template.body)) {
        const field = leaf.path.join('.');
        const mutations = Array.isArray(leaf.value)
          ? [{ label: 'wrong type', value: 'x' }]
          : typeof leaf.value === 'string'
            ? stringMutations(textKeyOf(leaf.path))
            : [{ label: 'wrong type', value: 'zz' }];
        for (const mutation of mutations) {
          cases.push({
            service,
            route,
            url,
            label: `${name} field ${field} ${mutation.label}`.trim(),
            body: JSON.stringify(withValue(template.body, leaf.path, mutation.value)),
            headers: { 'content-type': JSON_TYPE },
            mustRefuse: true,
            expect: { status: 400, field },
          });
        }
      }
    }
    for (const [key, value] of Object.entries(template.query ?? {})) {
      const text = TEXT_KEYS.has(key);
      const mutations = [
        ...(BLANK_ALLOWED.has(key) ? [] : [{ label: 'blank', value: '%20%20%20' }]),
        { label: 'NUL', value: 'a%00b' },
        { label: 'BEL', value: 'a%07b' },
        { label: 'overlong', value: 'x'.repeat(5000) },
        {
          label: 'repeated',
          value: `${encodeURIComponent(value)}&${key}=${encodeURIComponent(value)}`,
        },
        ...(text ? [] : [{ label: 'malformed code', value: 'not%20a%20code!' }]),
      ];
      for (const mutation of mutations) {
        const query = Object.entries(template.query ?? {})
          .map(([k, v]) => `${k}=${k === key ? mutation.value : encodeURIComponent(v)}`)
          .join('&');
        cases.push({
          service,
          route,
          url: `${url}?${query}`,
          label: `query ${key} ${mutation.label}`,
          mustRefuse: true,
          expect: { status: 400, field: `query.${key}` },
        });
      }
    }
  }
  return cases;
}
