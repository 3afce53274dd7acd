import type { Principal, Role } from '../roles';
import type { AgencyTree } from './agency-tree';

/**
 * What the scope rules need to know of an object (a dossier, a result, a feedback item): whose
 * agency it belongs to, who submitted it, and which units have a step on it.
 */
export type ScopedObject = {
  /** The agency that owns (processes) the object; undefined for an object of no agency. */
  agencyCode?: string;
  /** The token subject that submitted it (a citizen for themselves, the portal client for an applicant). */
  ownerSubject?: string;
  /** Units with a step of the object's workflow (chuyên viên see their unit's steps). */
  unitCodes?: readonly string[];
  /**
   * Một cửa liên thông: other agencies that hold or held a stage of the object (an inter-agency
   * dossier). Their officers see it, and act only on their stage (the owning service decides).
   */
  participatingAgencies?: readonly string[];
  /**
   * Receipt at any desk: the agency whose desk received the object without acting for its agency
   * (it forwarded it). Its desk officers and leaders follow it (the owning service decides what
   * they may do).
   */
  receivingAgencyCode?: string;
};

/** Why a principal may see an object: the rule that let it through (logged, shown in 403s). */
export type ScopeRule = 'admin' | 'agency' | 'centre' | 'unit' | 'owner' | 'stage' | 'receiving';

/**
 * THE scope rule of motcua, one function for every service:
 * - admin: everything;
 * - desk officers and leaders: objects of their agency, and of the departments their centre receives for;
 * - specialists: objects of their agency with a step at their unit (all of the agency's when the
 *   object has no steps, such as a result);
 * - desk officers and leaders of the desk that received an object for an agency they do not act for;
 * - officers of an agency that holds or held a stage of an inter-agency object (liên thông);
 * - citizens and the portal client: objects they submitted (by token subject);
 * - auditor: no object (the access log only).
 * Returns the rule that grants visibility, or undefined when the object is out of scope.
 */
export function scopeOf(
  principal: Principal,
  object: ScopedObject,
  tree: AgencyTree,
): ScopeRule | undefined {
  const has = (role: Role) => principal.roles.includes(role);
  if (has('admin')) return 'admin';
  if ((has('desk_officer') || has('leader')) && principal.agency && object.agencyCode) {
    if (principal.agency === object.agencyCode) return 'agency';
    if (tree.actsFor(principal.agency).has(object.agencyCode)) return 'centre';
    if (principal.agency === object.receivingAgencyCode) return 'receiving';
  }
  if (
    has('specialist') &&
    principal.agency &&
    principal.unit &&
    principal.agency === object.agencyCode
  ) {
    if (object.unitCodes === undefined || object.unitCodes.includes(principal.unit)) return 'unit';
  }
  if (
    (has('desk_officer') || has('leader') || has('specialist')) &&
    principal.agency &&
    object.participatingAgencies?.includes(principal.agency)
  ) {
    return 'stage';
  }
  if (
    (has('citizen') || has('portal_client')) &&
    object.ownerSubject !== undefined &&
    object.ownerSubject === principal.subject
  ) {
    return 'owner';
  }
  return undefined;
}

/** The agencies whose objects a principal may list (undefined: every agency, for admin). */
export function listableAgencies(
  principal: Principal,
  tree: AgencyTree,
): ReadonlySet<string> | undefined {
  if (principal.roles.includes('admin')) return undefined;
  const officer = principal.roles.some(
    (r) => r === 'desk_officer' || r === 'leader' || r === 'specialist',
  );
  if (!officer || !principal.agency) return new Set();
  return principal.roles.some((r) => r === 'desk_officer' || r === 'leader')
    ? tree.actsFor(principal.agency)
    : new Set([principal.agency]);
}

/** Whether the principal's only standing is ownership (a citizen or the portal client, no officer role). */
export function actsOnlyAsOwner(principal: Principal): boolean {
  return principal.roles.every((r) => r === 'citizen' || r === 'portal_client');
}
