import { PUBLIC_KEY, ROLES_KEY } from '../auth.decorators';
import { ROLES, type Role } from '../roles';

/**
 * What a principal gets from a route: through the checks (2xx, or a domain 409/422), a 403 problem,
 * a 404 problem, or (a list kept to the agencies in scope) an answer without the object.
 */
export type Expectation = 'allowed' | 'forbidden' | 'not-found' | 'hidden';
export type ScopeCase = 'in' | 'out';

/** One route as the authorization matrix sees it (path in OpenAPI form: `/dossiers/{id}`). */
export type RouteAccess = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** A name for the row when one path serves several (an action of `/dossiers/{id}/actions/{action}`). */
  variant?: string;
  public: boolean;
  /** Roles the route's @Roles declares (the guard lets only them through). */
  roles: readonly Role[];
  /** Roles the route's own table allows once through the guard (the dossier action table); default: all of `roles`. */
  actionRoles?: readonly Role[];
  /** Roles that can be out of scope here (admin never is; an applicant creating a dossier neither). */
  scopedRoles: readonly Role[];
  /**
   * How an out-of-scope call answers: 404 for an object (its existence is not revealed), 403 for an
   * agency's export or intake, `hidden` for a list kept to the agencies in scope (the object left out).
   */
  outOfScope: 'not-found' | 'forbidden' | 'hidden';
};

export type MatrixRow = {
  method: RouteAccess['method'];
  path: string;
  variant?: string;
  role: Role;
  scope: ScopeCase;
  expect: Expectation;
};

/** Reads @Public/@Roles of a controller method, as the guard does. */
export function declaredAccess(
  controller: { prototype: object },
  method: string,
): { public: boolean; roles: Role[] } {
  const handler = (controller.prototype as Record<string, unknown>)[method] as object | undefined;
  if (typeof handler !== 'function')
    throw new Error(
      `${(controller as { name?: string }).name ?? 'controller'} has no method ${method}`,
    );
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined);
  return { public: read<boolean>(PUBLIC_KEY) === true, roles: read<Role[]>(ROLES_KEY) ?? [] };
}

/**
 * The authorization matrix of a service: every route × every role × in/out of scope, with the answer
 * the rules give. Guard first (a role the route does not declare: 403 whatever the object), then
 * scope (outside it: 404 for an object, 403 for an agency), then the route's own table (403).
 */
export function accessMatrix(routes: readonly RouteAccess[]): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const route of routes) {
    for (const role of ROLES) {
      for (const scope of ['in', 'out'] as const) {
        if (
          scope === 'out' &&
          !route.public &&
          route.roles.includes(role) &&
          !route.scopedRoles.includes(role)
        )
          continue;
        if (scope === 'out' && route.public) continue;
        rows.push({
          method: route.method,
          path: route.path,
          variant: route.variant,
          role,
          scope,
          expect: expectationOf(route, role, scope),
        });
      }
    }
  }
  return rows;
}

function expectationOf(route: RouteAccess, role: Role, scope: ScopeCase): Expectation {
  if (route.public) return 'allowed';
  if (!route.roles.includes(role)) return 'forbidden';
  if (scope === 'out') return route.outOfScope;
  if (route.actionRoles && !route.actionRoles.includes(role)) return 'forbidden';
  return 'allowed';
}

/** The matrix as a Markdown table (docs/authorization.md): one line per route and role, one per route when every role gets the same. */
export function matrixMarkdown(rows: readonly MatrixRow[]): string {
  const mark: Record<Expectation, string> = {
    allowed: '✔',
    forbidden: '403',
    'not-found': '404',
    hidden: 'not listed',
  };
  const lines = ['| route | role | in scope | out of scope |', '|---|---|---|---|'];
  const routes = new Map<string, Map<string, Partial<Record<ScopeCase, Expectation>>>>();
  for (const row of rows) {
    const route = `${row.method} ${row.path}${row.variant ? ` (${row.variant})` : ''}`;
    const byRole = routes.get(route) ?? new Map<string, Partial<Record<ScopeCase, Expectation>>>();
    byRole.set(row.role, { ...byRole.get(row.role), [row.scope]: row.expect });
    routes.set(route, byRole);
  }
  const cell = (c: Partial<Record<ScopeCase, Expectation>>) =>
    `${mark[c.in!]} | ${c.out ? mark[c.out] : '—'}`;
  for (const [route, byRole] of routes) {
    const cells = [...byRole.values()].map(cell);
    if (cells.every((c) => c === cells[0]))
      lines.push(`| \`${route}\` | every role | ${cells[0]} |`);
    else for (const [role, c] of byRole) lines.push(`| \`${route}\` | ${role} | ${cell(c)} |`);
  }
  return lines.join('\n');
}

/** A public route's row (every role allowed, no scope); throws when the route is not @Public. */
export function publicRoute(
  method: RouteAccess['method'],
  path: string,
  access: { public: boolean; roles: readonly Role[] },
): RouteAccess {
  if (!access.public) throw new Error(`${method} ${path} is not public`);
  return { method, path, ...access, scopedRoles: [], outOfScope: 'not-found' };
}

/** A route with no object scope (the catalog's, the auditor's log, an administrator's job): the guard alone decides. */
export function unscopedRoute(
  method: RouteAccess['method'],
  path: string,
  access: { public: boolean; roles: readonly Role[] },
): RouteAccess {
  return { method, path, ...access, scopedRoles: [], outOfScope: 'forbidden' };
}

/** The roles of a route that can be out of scope: all but admin (who sees everything). */
export function scopedRolesOf(roles: readonly Role[]): Role[] {
  return roles.filter((role) => role !== 'admin');
}
