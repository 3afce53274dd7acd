import type { Principal } from '../roles';
import { AgencyDirectory, loadAgencyTree, type RawSql } from './agency-directory';
import { listableAgencies, scopeOf, type ScopedObject, type ScopeRule } from './scope';

/** Builds the problem a refusal answers with (the services pass @motcua/http's DomainProblem; libs/auth cannot import it). */
export type RefusalFactory = (
  status: number,
  slug: string,
  title: string,
  detail: string,
  extensions?: Record<string, unknown>,
) => Error;

/**
 * The one scope rule applied to a service's objects, shared by every service (dossiers, digitization,
 * feedback, reporting): it reads the service's copy of the agency tree through an AgencyDirectory and
 * answers the three questions the routes ask:
 * - may this principal see this object? (outside scope: the service's 404, as for an object that does not exist);
 * - which agencies may a list or an export show? (undefined: every agency, for admin);
 * - does the principal act for this agency? (intake, export or issuing in its name: 403 `agency-scope`).
 * What stays in a service: how its object maps to a ScopedObject and the name of its 404.
 */
export class ScopePolicy {
  private readonly directory: AgencyDirectory;

  constructor(
    sql: RawSql,
    private readonly refuse: RefusalFactory,
  ) {
    this.directory = new AgencyDirectory(() => loadAgencyTree(sql));
  }

  async ruleFor(principal: Principal, object: ScopedObject): Promise<ScopeRule | undefined> {
    return scopeOf(principal, object, await this.directory.current(principal.agency));
  }

  /** The object when the principal may see it; otherwise `hidden()` (a 404 naming the kind, never revealing it exists). */
  async visible<T>(
    principal: Principal,
    object: T | null | undefined,
    scoped: (object: T) => ScopedObject,
    hidden: () => Error,
  ): Promise<T> {
    if (object === null || object === undefined) throw hidden();
    if (!(await this.ruleFor(principal, scoped(object)))) throw hidden();
    return object;
  }

  /** Keeps the objects of a list the principal may see (one tree read for the whole list). */
  async filter<T>(
    principal: Principal,
    objects: readonly T[],
    scoped: (object: T) => ScopedObject,
  ): Promise<T[]> {
    const tree = await this.directory.current(principal.agency);
    return objects.filter((object) => scopeOf(principal, scoped(object), tree) !== undefined);
  }

  /** The agencies whose objects a list or export may show (undefined: every agency). */
  async listable(principal: Principal): Promise<ReadonlySet<string> | undefined> {
    return listableAgencies(principal, await this.directory.current(principal.agency));
  }

  /** The names of agencies, as the service's copy of the agency tree has them (absent: not listed). */
  async agencyNames(agencyCodes: Iterable<string>): Promise<Map<string, string>> {
    const tree = await this.directory.current();
    const names = new Map<string, string>();
    for (const code of agencyCodes) {
      const name = tree.nameOf(code);
      if (name !== undefined) names.set(code, name);
    }
    return names;
  }

  /** Whether the principal's agency is a public administration centre of the tree (receipt at any desk). */
  async isCentre(principal: Principal): Promise<boolean> {
    if (!principal.agency) return false;
    return (await this.directory.current(principal.agency)).isCentre(principal.agency);
  }

  /**
   * Receiving for, exporting or issuing in the name of `agencyCode`: the principal must act for it
   * (403 `agency-scope` naming the agency; agency codes are public, so nothing is hidden by a 404).
   * `field` names the request field that carried the agency, when one did.
   */
  async assertActsFor(
    principal: Principal,
    agencyCode: string,
    what: string,
    field?: string,
  ): Promise<void> {
    const agencies = await this.listable(principal);
    if (agencies === undefined || agencies.has(agencyCode)) return;
    throw this.refuse(
      403,
      'agency-scope',
      'The agency is outside your scope',
      `${what} of agency ${agencyCode} is for its own officers and the centre that receives for it; you act for ${[...agencies].join(', ') || 'no agency'}.`,
      field
        ? { errors: [{ field, rule: 'agency-scope', message: 'not an agency you act for' }] }
        : {},
    );
  }
}
