import { Injectable } from '@nestjs/common';
import { ScopePolicy, type Principal, type ScopedObject, type ScopeRule } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { DossiersDatabase } from '../dossiers.database';
import { participatingAgencies } from '../stages/stage-authority.rules';

type ScopedDossier = {
  id: string;
  agencyCode: string;
  createdBy: string;
  steps: readonly { unitCode: string }[];
  /** Stages of an inter-agency dossier: an agency sees it once it was sent a stage. */
  stages?: readonly { agencyCode: string; status: string }[];
  /** Receipt at any desk: the desk's agency, and whether it forwarded the dossier (not acting for it). */
  receivingAgencyCode?: string | null;
  forwardedAt?: Date | null;
};

/**
 * The dossiers service's use of the one scope rule (libs/auth `ScopePolicy`): a dossier belongs to
 * its agency, its submitter and the units of its steps; outside the caller's scope it answers 404
 * as if it did not exist; an agency's intake or book outside it answers 403.
 */
@Injectable()
export class DossierScope {
  private readonly policy: ScopePolicy;

  constructor(db: DossiersDatabase) {
    this.policy = new ScopePolicy(db, (...problem) => new DomainProblem(...problem));
  }

  ruleFor(principal: Principal, dossier: ScopedDossier): Promise<ScopeRule | undefined> {
    return this.policy.ruleFor(principal, scopedDossier(dossier));
  }

  /** Agency names from the copy of the agency tree (an agency it does not list is left out). */
  agencyNames(agencyCodes: Iterable<string>): Promise<Map<string, string>> {
    return this.policy.agencyNames(agencyCodes);
  }

  /** The dossier when the caller may see it; otherwise the same 404 as for a dossier that does not exist. */
  visible<D extends ScopedDossier>(
    principal: Principal,
    id: string,
    dossier: D | null | undefined,
  ): Promise<D> {
    return this.policy.visible(principal, dossier, scopedDossier, () => dossierNotFound(id));
  }

  /**
   * Receiving a dossier of `agencyCode`'s procedure: an officer who acts for the agency receives
   * it; a desk officer of a public administration centre receives it too, regardless of
   * administrative boundaries, and forwards it (`forwarded`); anyone else: 403 `agency-scope`.
   */
  async receivingRoute(principal: Principal, agencyCode: string): Promise<{ forwarded: boolean }> {
    const agencies = await this.policy.listable(principal);
    if (agencies === undefined || agencies.has(agencyCode)) return { forwarded: false };
    if (principal.roles.includes('desk_officer') && (await this.policy.isCentre(principal)))
      return { forwarded: true };
    await this.policy.assertActsFor(principal, agencyCode, 'Receiving dossiers');
    return { forwarded: false };
  }

  /** The agencies whose dossiers (or receiving desks) a list may show; undefined: every agency (admin). */
  listable(principal: Principal): Promise<ReadonlySet<string> | undefined> {
    return this.policy.listable(principal);
  }

  /** Receiving for an agency (intake) or exporting its book: the caller must act for it. */
  assertActsFor(principal: Principal, agencyCode: string, what: string): Promise<void> {
    return this.policy.assertActsFor(principal, agencyCode, what);
  }
}

const scopedDossier = (dossier: ScopedDossier): ScopedObject => ({
  agencyCode: dossier.agencyCode,
  ownerSubject: dossier.createdBy,
  unitCodes: dossier.steps.map((s) => s.unitCode),
  participatingAgencies: participatingAgencies(dossier.stages ?? []),
  receivingAgencyCode: dossier.forwardedAt ? (dossier.receivingAgencyCode ?? undefined) : undefined,
});

export function dossierNotFound(id: string): DomainProblem {
  return new DomainProblem(404, 'dossier-not-found', 'Dossier not found', `No dossier ${id}.`);
}
