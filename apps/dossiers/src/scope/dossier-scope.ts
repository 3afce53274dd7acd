import { Injectable } from '@nestjs/common';
import {
  AgencyDirectory,
  listableAgencies,
  loadAgencyTree,
  scopeOf,
  type Principal,
  type ScopeRule,
} from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { DossiersDatabase } from '../dossiers.database';

type ScopedDossier = {
  id: string;
  agencyCode: string;
  createdBy: string;
  steps: readonly { unitCode: string }[];
};

/**
 * The dossiers service's use of the one scope rule (libs/auth `scopeOf`): a dossier outside the
 * caller's scope answers 404 as if it did not exist; an agency's book outside it answers 403.
 */
@Injectable()
export class DossierScope {
  private readonly directory: AgencyDirectory;

  constructor(db: DossiersDatabase) {
    this.directory = new AgencyDirectory(() => loadAgencyTree(db));
  }

  async ruleFor(principal: Principal, dossier: ScopedDossier): Promise<ScopeRule | undefined> {
    const tree = await this.directory.current(principal.agency);
    return scopeOf(
      principal,
      {
        agencyCode: dossier.agencyCode,
        ownerSubject: dossier.createdBy,
        unitCodes: dossier.steps.map((s) => s.unitCode),
      },
      tree,
    );
  }

  /** The dossier when the caller may see it; otherwise the same 404 as for a dossier that does not exist. */
  async visible<D extends ScopedDossier>(
    principal: Principal,
    id: string,
    dossier: D | null | undefined,
  ): Promise<D> {
    if (!dossier || !(await this.ruleFor(principal, dossier))) throw dossierNotFound(id);
    return dossier;
  }

  /** Receiving for an agency (intake) or exporting its book: the caller must act for it. */
  async assertActsFor(principal: Principal, agencyCode: string, what: string): Promise<void> {
    const agencies = listableAgencies(principal, await this.directory.current(principal.agency));
    if (agencies === undefined || agencies.has(agencyCode)) return;
    throw new DomainProblem(
      403,
      'agency-scope',
      'The agency is outside your scope',
      `${what} of agency ${agencyCode} is for its own officers and the centre that receives for it; you act for ${[...agencies].join(', ') || 'no agency'}.`,
    );
  }
}

export function dossierNotFound(id: string): DomainProblem {
  return new DomainProblem(404, 'dossier-not-found', 'Dossier not found', `No dossier ${id}.`);
}
