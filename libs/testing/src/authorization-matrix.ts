import {
  matrixMarkdown,
  type Expectation,
  type MatrixRow,
  type Principal,
  type Role,
  type ScopeCase,
} from '@motcua/auth';
import { mintTestToken } from './tokens';

/**
 * The one runner of the generated authorization matrices (docs/authorization.md): each service's
 * `test/authorization-matrix.int.spec.ts` gives its rows (`<service>.access-matrix.ts`), the URL of the
 * running service and how to send the request of a row; the runner defines the two tests every
 * service has:
 * - the OpenAPI document and the matrix list the same routes (a route without a row fails);
 * - every row answers as the rules say (each route × role × a principal inside and outside scope).
 */
export type MatrixAnswer = number | { status: number; shows: boolean };

export type AuthorizationMatrixSpec = {
  service: string;
  rows: () => MatrixRow[];
  url: () => string;
  /** Sends the request of a row as `principalOf(row.role, row.scope, …)`: its status, and for a filtered list whether the in-scope object showed. */
  call: (row: MatrixRow) => Promise<MatrixAnswer>;
  /** Rows of routes the OpenAPI document does not list (health aliases). */
  undocumented?: readonly string[];
  /** Lines the Markdown of the matrix must contain (a guard against a matrix that lost its point). */
  markdownContains?: readonly string[];
  timeoutMs?: number;
};

/** What an answer means for authorization: 404 hides the object, 403 refuses, anything else (2xx, 409, 422) got through; a filtered list without the object hid it. */
export function outcomeOf(answer: MatrixAnswer): Expectation | `unexpected ${number}` {
  const { status, shows } = typeof answer === 'number' ? { status: answer, shows: true } : answer;
  if (status === 404) return 'not-found';
  if (status === 403) return 'forbidden';
  if (status < 300 || status === 409 || status === 422) return shows ? 'allowed' : 'hidden';
  return `unexpected ${status}`;
}

/**
 * Where the matrix's fixtures live: the in-scope agency and unit, and the other agency and unit an
 * out-of-scope officer has. `specialistOut` says what puts a specialist out of scope: another unit of
 * the same agency (a dossier's steps), or another agency (feedback, results: the agency's whole).
 */
export type MatrixScope = {
  agency: string;
  unit: string;
  otherAgency: string;
  otherUnit: string;
  specialistOut?: 'unit' | 'agency';
};

/**
 * The principal of each role inside the scope of the fixtures, and outside it: desk officers and
 * leaders of another agency, a specialist of another unit of the same agency, an applicant (citizen,
 * portal client) who is not the owner (`<role>-owner` owns the fixtures).
 */
export function principalOf(role: Role, scope: ScopeCase, at: MatrixScope): Principal {
  const officer = (agency: string, unit: string): Principal => ({
    subject: `${role}-${scope}`,
    roles: [role],
    agency,
    unit,
  });
  switch (role) {
    case 'desk_officer':
    case 'leader':
      return officer(scope === 'in' ? at.agency : at.otherAgency, at.unit);
    case 'specialist':
      if (scope === 'in') return officer(at.agency, at.unit);
      return at.specialistOut === 'agency'
        ? officer(at.otherAgency, at.otherUnit)
        : officer(at.agency, at.otherUnit);
    case 'citizen':
    case 'portal_client':
      return { subject: `${role}-${scope === 'in' ? 'owner' : 'other'}`, roles: [role] };
    default:
      return officer(at.agency, at.unit);
  }
}

/** A client that sends JSON requests as one principal and answers the status and body. */
export async function clientAs(baseUrl: string, principal: Principal) {
  const token = await mintTestToken(principal);
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> => {
    const raw = body instanceof Uint8Array;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
    return { status: response.status, body: parsed };
  };
}

/** The routes of a service's OpenAPI document, as `METHOD /path`. */
export async function documentedRoutes(baseUrl: string): Promise<string[]> {
  const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/**
 * The path the OpenAPI document lists a row under: each action of an action table is its own
 * operation there (`/dossiers/{id}/actions/refuse`, ADR 0024), the row's variant.
 */
export function documentedPathOf(row: Pick<MatrixRow, 'path' | 'variant'>): string {
  return row.variant && row.path.includes('{action}')
    ? row.path.replace('{action}', row.variant)
    : row.path;
}

/** Defines the two matrix tests of a service (call inside its describe, after the harness hooks). */
export function runAuthorizationMatrix(spec: AuthorizationMatrixSpec): void {
  it(`${spec.service}: has a row for every route of the OpenAPI document, and no row for a route that is gone`, async () => {
    const documented = await documentedRoutes(spec.url());
    const rows = new Set(spec.rows().map((r) => `${r.method} ${documentedPathOf(r)}`));
    expect(documented.filter((route) => !rows.has(route))).toEqual([]);
    expect(
      [...rows].filter(
        (route) => !documented.includes(route) && !(spec.undocumented ?? []).includes(route),
      ),
    ).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(3);
  });

  it(
    `${spec.service}: answers every row of the matrix as the rules say`,
    async () => {
      const matrix = spec.rows();
      const answers: string[] = [];
      const expected: string[] = [];
      for (const row of matrix) {
        const name = `${row.method} ${row.path}${row.variant ? ` ${row.variant}` : ''} as ${row.role} ${row.scope} scope`;
        expected.push(`${name}: ${row.expect}`);
        answers.push(`${name}: ${outcomeOf(await spec.call(row))}`);
      }
      expect(answers).toEqual(expected);
      // The matrix refuses as well as allows (a matrix of only ✔ tests nothing).
      expect(matrix.some((r) => r.expect === 'allowed')).toBe(true);
      expect(matrix.some((r) => r.expect === 'forbidden')).toBe(true);
      for (const line of spec.markdownContains ?? [])
        expect(matrixMarkdown(matrix)).toContain(line);
    },
    spec.timeoutMs ?? 300_000,
  );
}
