import { SERVICES, type ServiceName } from '@motcua/contracts';
import { ROLES } from '@motcua/auth';
import { mintTestToken, startService, waitFor, type RunningService } from '@motcua/testing';

/**
 * A corpus of malformed requests sent to every route of every service, as the services document
 * them in their OpenAPI: wrong JSON types, broken JSON, NUL bytes and lone surrogates, deep
 * nesting, oversized bodies, junk path parameters and queries. No answer may be a 5xx, every
 * error must be application/problem+json whose status matches, and input that no route accepts
 * (a body that is not a JSON object, broken JSON, control characters) must never get a 2xx.
 */
type Route = { method: string; path: string };
type Case = {
  service: ServiceName;
  route: Route;
  url: string;
  label: string;
  body?: string;
  contentType?: string;
  mustRefuse: boolean;
};
type Outcome = Case & { status: number; problem: boolean; problemStatus?: unknown };

const PORTS: Record<ServiceName, number> = {
  catalog: 4801,
  dossiers: 4802,
  feedback: 4803,
  digitization: 4804,
  reporting: 4805,
};

let deep: unknown = 'x';
for (let i = 0; i < 200; i++) deep = { nested: deep };

/** Bodies for routes that take one; `mustRefuse` when no route of ours can accept it. */
const BODIES: { label: string; body: string; contentType?: string; mustRefuse: boolean }[] = [
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
  { label: 'text/plain', body: 'hello', contentType: 'text/plain', mustRefuse: false },
];

/** Values for path parameters: none of them names an existing object. */
const PATH_VALUES = [
  { label: 'unknown uuid', value: '00000000-0000-4000-8000-000000000000' },
  { label: 'not an id', value: 'not-an-id' },
  { label: 'NUL', value: 'a%00b' },
  { label: 'long', value: 'x'.repeat(600) },
  { label: 'encoded slash and dots', value: '..%2F..%2Fetc' },
];

const QUERIES = [
  'page=-1&pageSize=abc',
  'from=yesterday&to=2026-13-45',
  'q=%00&code=%00',
  'year=99999&agencyCode=%F0%9F',
  'x[y][z]=1&page[]=2',
];

function instantiate(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

function casesFor(service: ServiceName, baseUrl: string, routes: Route[]): Case[] {
  return routes.flatMap((route) => {
    const hasParams = /\{[^}]+\}/.test(route.path);
    const targets = hasParams
      ? PATH_VALUES.map((p) => ({
          label: `path ${p.label}`,
          path: instantiate(route.path, p.value),
          junkPath: true,
        }))
      : [{ label: 'path', path: route.path, junkPath: false }];
    const cases: Case[] = [];
    for (const target of targets) {
      if (['POST', 'PUT', 'PATCH'].includes(route.method)) {
        const bodies = target.junkPath ? BODIES.slice(0, 1) : BODIES;
        for (const body of bodies) {
          cases.push({
            service,
            route,
            url: `${baseUrl}${target.path}`,
            label: `${target.label}, body ${body.label}`,
            body: body.body,
            contentType: body.contentType,
            mustRefuse: body.mustRefuse,
          });
        }
      } else {
        const queries = target.junkPath ? [''] : QUERIES;
        for (const query of queries) {
          cases.push({
            service,
            route,
            url: `${baseUrl}${target.path}${query ? `?${query}` : ''}`,
            label: `${target.label}${query ? `, query ${query}` : ''}`,
            mustRefuse: false,
          });
        }
      }
    }
    return cases;
  });
}

async function send(testCase: Case, token: string): Promise<Outcome> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (testCase.body !== undefined)
    headers['content-type'] = testCase.contentType ?? 'application/json';
  try {
    const response = await fetch(testCase.url, {
      method: testCase.route.method,
      headers,
      body: testCase.body,
      signal: AbortSignal.timeout(15_000),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('text/event-stream')) {
      // A live stream (the dashboard) answers its headers and stays open: its status is the answer.
      await response.body?.cancel();
      return { ...testCase, status: response.status, problem: false };
    }
    const text = await response.text();
    let problemStatus: unknown;
    if (contentType.includes('application/problem+json')) {
      try {
        problemStatus = (JSON.parse(text) as { status?: unknown }).status;
      } catch {
        problemStatus = 'unparsable';
      }
    }
    return {
      ...testCase,
      status: response.status,
      problem: contentType.includes('application/problem+json'),
      problemStatus,
    };
  } catch (error) {
    // No answer within 15 s (or a reset connection) counts as a server failure.
    return { ...testCase, status: 599, problem: false, problemStatus: String(error) };
  }
}

describe('bad input to every route of every service', () => {
  const services = new Map<ServiceName, RunningService>();

  beforeAll(async () => {
    const started = await Promise.all(SERVICES.map((name) => startService(name, PORTS[name])));
    for (const service of started) services.set(service.name, service);
  }, 120_000);

  afterAll(async () => {
    // The corpus may have started a rebuild of the test projections (an empty body is a valid
    // request there): let it finish before other suites use reporting's database.
    const reporting = services.get('reporting');
    if (reporting) {
      const admin = await mintTestToken({ subject: 'corpus-admin', roles: ['admin'] });
      await waitFor(
        'no projection rebuild in progress',
        async () => {
          const state = (await (
            await fetch(`${reporting.url}/admin/projections`, {
              headers: { authorization: `Bearer ${admin}` },
            })
          ).json()) as { building?: unknown };
          return state.building === undefined ? true : undefined;
        },
        240_000,
      );
    }
    await Promise.all([...services.values()].map((s) => s.stop()));
  }, 300_000);

  it('never answers 5xx, always answers errors as problems, never accepts what no route accepts', async () => {
    // Every role at once, so that each route's own validation is reached behind the role guard.
    const token = await mintTestToken({
      subject: 'corpus-1',
      roles: [...ROLES],
      agency: '000.00.15.H26',
      unit: 'P.QLG',
    });
    const cases: Case[] = [];
    for (const [name, service] of services) {
      const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => ({ method: method.toUpperCase(), path })),
      );
      expect(routes.length).toBeGreaterThan(0);
      cases.push(...casesFor(name, service.url, routes));
    }
    expect(cases.length).toBeGreaterThanOrEqual(300);

    const outcomes: Outcome[] = [];
    for (let i = 0; i < cases.length; i += 8)
      outcomes.push(...(await Promise.all(cases.slice(i, i + 8).map((c) => send(c, token)))));

    const line = (o: Outcome) =>
      `${o.service} ${o.route.method} ${o.route.path} (${o.label}) → ${o.status}`;
    expect(outcomes.filter((o) => o.status >= 500).map(line)).toEqual([]);
    expect(
      outcomes
        .filter((o) => o.status >= 400 && (!o.problem || o.problemStatus !== o.status))
        .map(line),
    ).toEqual([]);
    expect(outcomes.filter((o) => o.mustRefuse && o.status < 400).map(line)).toEqual([]);
    expect(
      outcomes
        .filter((o) => /^path (not an id|NUL|long|encoded)/.test(o.label) && o.status < 400)
        .map(line),
    ).toEqual([]);
  }, 300_000);
});
