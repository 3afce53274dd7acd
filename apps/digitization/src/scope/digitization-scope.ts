import { Injectable } from '@nestjs/common';
import { ScopePolicy, type Principal, type ScopedObject } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { DigitizationDatabase } from '../digitization.database';
import { DossierCopyRepository } from '../dossier-copy/dossier-copy.repository';
import { notFound } from '../shared/file-access';

/** What the dossier events told about a dossier's scope: its agency and the units that handle it. */
type DossierScopeFacts = { agencyCode: string; handlingUnits: string[] } | null;
type ScopedDocument = { dossierId: string; agencyCode: string | null; digitizedByUnit: string };
type ScopedResult = { issuingAgencyCode: string };

/**
 * The digitization service's use of the one scope rule (libs/auth `ScopePolicy`):
 * - a dossier (its documents, reuse offers and reuses) belongs to its agency and handling units, as
 *   the dossier events told (dossier_copy); before any event arrived, a document belongs to the
 *   agency and unit that digitized it;
 * - a result belongs to its issuing agency (a specialist: the whole agency's, a result has no steps).
 * Outside scope an object answers 404 as if it did not exist; a result may be issued only in the
 * name of an agency the caller acts for (403 `agency-scope`). Citizens have no route here but the
 * public download of their own result with its access secret.
 */
@Injectable()
export class DigitizationScope {
  private readonly policy: ScopePolicy;

  constructor(
    private readonly db: DigitizationDatabase,
    private readonly copies: DossierCopyRepository,
  ) {
    this.policy = new ScopePolicy(db, (...problem) => new DomainProblem(...problem));
  }

  /** The dossier's copy when the caller may see the dossier (null: no dossier event yet); out of scope: 404. */
  async dossier(principal: Principal, dossierId: string) {
    const copy = await this.copies.find(this.db, dossierId);
    if (copy === null) return null;
    return this.policy.visible(principal, copy, dossierScope, () =>
      notFound('dossier', 'dossierId'),
    );
  }

  async document<D extends ScopedDocument>(principal: Principal, document: D | null): Promise<D> {
    const copy = document && (await this.copies.find(this.db, document.dossierId));
    return this.policy.visible(
      principal,
      document,
      (d) => documentScope(d, copy),
      () => notFound('document'),
    );
  }

  /** The documents of one dossier the caller may see (the dossier itself already checked). */
  async documents<D extends ScopedDocument>(
    principal: Principal,
    copy: DossierScopeFacts,
    rows: readonly D[],
  ): Promise<D[]> {
    return this.policy.filter(principal, rows, (d) => documentScope(d, copy));
  }

  async result<R extends ScopedResult>(principal: Principal, result: R | null): Promise<R> {
    return this.policy.visible(principal, result, resultScope, () => notFound('result'));
  }

  results<R extends ScopedResult>(principal: Principal, rows: readonly R[]): Promise<R[]> {
    return this.policy.filter(principal, rows, resultScope);
  }

  /** Issuing in the name of an agency, or reading its rates: the caller must act for it (403 `agency-scope`). */
  assertActsFor(principal: Principal, agencyCode: string, what: string, field: string) {
    return this.policy.assertActsFor(principal, agencyCode, what, field);
  }
}

const dossierScope = (copy: NonNullable<DossierScopeFacts>): ScopedObject => ({
  agencyCode: copy.agencyCode,
  unitCodes: copy.handlingUnits,
});

const documentScope = (document: ScopedDocument, copy: DossierScopeFacts): ScopedObject => ({
  agencyCode: copy?.agencyCode ?? document.agencyCode ?? undefined,
  unitCodes: [...(copy?.handlingUnits ?? []), document.digitizedByUnit],
});

const resultScope = (result: ScopedResult): ScopedObject => ({
  agencyCode: result.issuingAgencyCode,
});
