import { request as httpRequest } from 'node:http';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import { ROLES } from '@motcua/auth';
import { mintTestToken, startService, waitFor, type RunningService } from '@motcua/testing';
import { fieldCases, routeCases, type Case } from './bad-input.corpus';

/**
 * A generated corpus of malformed requests sent to every route of every service, as the services
 * document them in their OpenAPI (bad-input.corpus.ts), and to every field of a well-formed request
 * of each route that reads fields (bad-input.templates.ts). No answer may be a 5xx, every error
 * must be application/problem+json whose status matches, input that no route accepts must never
 * get a 2xx, and a broken field must be a 400 whose errors name it (docs/adr/0015).
 */
type Outcome = Case & {
  status: number;
  problem: boolean;
  problemStatus?: unknown;
  fields?: string[];
};

const PORTS: Record<ServiceName, number> = {
  catalog: 4801,
  dossiers: 4802,
  feedback: 4803,
  digitization: 4804,
  reporting: 4805,
};

/** One request over node:http (duplicate header lines need it), answered within 15 s. */
function exchange(
  testCase: Case,
  token: string,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(testCase.url);
    const body = testCase.body === undefined ? undefined : Buffer.from(testCase.body, 'utf8');
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        // The raw path keeps the corpus's own percent-encoding.
        path: testCase.url.slice(url.origin.length),
        method: testCase.route.method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...testCase.headers,
        },
        timeout: 15_000,
      },
      (response) => {
        const contentType = String(response.headers['content-type'] ?? '');
        if (contentType.includes('text/event-stream')) {
          // A live stream (the dashboard) answers its headers and stays open: its status is the answer.
          response.destroy();
          resolve({ status: response.statusCode ?? 0, contentType, text: '' });
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 15 s')));
    request.on('error', reject);
    request.end(body);
  });
}

async function send(testCase: Case, token: string): Promise<Outcome> {
  try {
    const { status, contentType, text } = await exchange(testCase, token);
    const problem = contentType.includes('application/problem+json');
    let parsed: { status?: unknown; errors?: { field?: unknown }[] } = {};
    if (problem) {
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        parsed = { status: 'unparsable' };
      }
    }
    return {
      ...testCase,
      status,
      problem,
      problemStatus: parsed.status,
      fields: Array.isArray(parsed.errors) ? parsed.errors.map((e) => String(e.field)) : [],
    };
  } catch (error) {
    // No answer within 15 s (or a reset connection) counts as a server failure.
    return { ...testCase, status: 599, problem: false, problemStatus: String(error) };
  }
}

/** The error names the broken field, a member of it, or (for a union's tag) the object holding it. */
function namesField(outcome: Outcome, field: string): boolean {
  return (outcome.fields ?? []).some(
    (named) =>
      named === field ||
      named.startsWith(`${field}.`) ||
      (named !== '(root)' && field.startsWith(`${named}.`)),
  );
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
      cases.push(...routes.flatMap((route) => routeCases(name, service.url, route)));
      const fields = fieldCases(name, service.url);
      // Every template names a route the service documents.
      const documented = new Set(routes.map((r) => `${r.method} ${r.path}`));
      expect(
        fields
          .filter((c) => !documented.has(`${c.route.method} ${c.route.path}`))
          .map((c) => c.url),
      ).toEqual([]);
      cases.push(...fields);
    }
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.expect).length).toBeGreaterThanOrEqual(300);

    const outcomes: Outcome[] = [];
    for (let i = 0; i < cases.length; i += 8)
      outcomes.push(...(await Promise.all(cases.slice(i, i + 8).map((c) => send(c, token)))));

    if (process.env.BAD_INPUT_SUMMARY) {
      const by = (key: (o: Outcome) => string) =>
        outcomes.reduce<Record<string, number>>((acc, o) => {
          acc[key(o)] = (acc[key(o)] ?? 0) + 1;
          return acc;
        }, {});
      process.stdout.write(
        `${JSON.stringify({ cases: outcomes.length, fieldCases: outcomes.filter((o) => o.expect).length, byStatus: by((o) => String(o.status)), byService: by((o) => o.service) })}\n`,
      );
    }
    const line = (o: Outcome) =>
      `${o.service} ${o.route.method} ${o.route.path} (${o.label}) → ${o.status}`;
    // Every broken promise at once, by kind, so that one run shows the whole picture.
    const failures = [
      ...outcomes.filter((o) => o.status >= 500).map((o) => `5xx: ${line(o)}`),
      ...outcomes
        .filter((o) => o.status >= 400 && (!o.problem || o.problemStatus !== o.status))
        .map((o) => `not a problem: ${line(o)}`),
      ...outcomes.filter((o) => o.mustRefuse && o.status < 400).map((o) => `accepted: ${line(o)}`),
      ...outcomes
        .filter(
          (o) => /^path (not an id|NUL|BEL|blank|long|encoded)/.test(o.label) && o.status < 400,
        )
        .map((o) => `junk path accepted: ${line(o)}`),
      ...outcomes
        .filter(
          (o) =>
            o.expect &&
            o.status < 500 &&
            (o.status !== o.expect.status || !namesField(o, o.expect.field)),
        )
        .map(
          (o) => `field not named: ${line(o)} naming ${(o.fields ?? []).join(', ') || 'no field'}`,
        ),
    ];
    expect(failures).toEqual([]);
  }, 900_000);
});
