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

  /** The dossier when the caller may see it; otherwise the same 404 as for a dossier that does not exist. */
  visible<D extends ScopedDossier>(
    principal: Principal,
    id: string,
    dossier: D | null | undefined,
  ): Promise<D> {
    return this.policy.visible(principal, dossier, scopedDossier, () => dossierNotFound(id));
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
});

export function dossierNotFound(id: string): DomainProblem {
  return new DomainProblem(404, 'dossier-not-found', 'Dossier not found', `No dossier ${id}.`);
}
