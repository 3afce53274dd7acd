import type { ProcedureVersion } from '@motcua/contracts';
import { ruleProblem } from '@motcua/http';
import { conflictProblem, notFoundProblem } from '../shared/catalog-problems';
import type { CatalogTx } from '../shared/catalog-tx';
import type { PublicationRepository } from './publication.repository';
import { isoDateOf } from '../shared/vietnam-date';

export type ExistingProcedure = {
  id: string;
  code: string;
  latest: { version: number; effectiveFrom: string; record: ProcedureVersion };
};

/** The code is not yet used by any procedure (409 otherwise). */
export async function assertCodeFree(
  publications: PublicationRepository,
  tx: CatalogTx,
  code: string,
  field: string,
): Promise<void> {
  const existing = await publications.findProcedureId(tx, code);
  if (existing) {
    throw conflictProblem('procedure-exists', 'The procedure already exists', {
      field,
      rule: 'unique',
      message: `procedure ${code} already exists; amend or replace it instead`,
    });
  }
}

/** The procedure exists (404 otherwise), with its latest version (in force or scheduled). */
export async function requireProcedure(
  publications: PublicationRepository,
  tx: CatalogTx,
  code: string,
  field: string,
): Promise<ExistingProcedure> {
  const procedure = await publications.findProcedureId(tx, code);
  const latest = procedure && (await publications.latestVersion(tx, procedure.id));
  if (!procedure || !latest) {
    throw notFoundProblem('procedure-not-found', 'No such procedure', {
      field,
      rule: 'existing-procedure',
      message: `no procedure ${code} in the catalog`,
    });
  }
  return {
    id: procedure.id,
    code: procedure.code,
    latest: {
      version: latest.version,
      effectiveFrom: isoDateOf(latest.effectiveFrom),
      record: latest.record as ProcedureVersion,
    },
  };
}

/** Nothing may follow an abolition, even one that takes effect later (409). */
export async function assertNotAbolished(
  publications: PublicationRepository,
  tx: CatalogTx,
  procedure: ExistingProcedure,
  field: string,
): Promise<void> {
  const abolition = await publications.abolitionOf(tx, procedure.id);
  if (abolition) {
    throw conflictProblem('procedure-abolished', 'The procedure is abolished', {
      field,
      rule: 'not-abolished',
      message: `procedure ${procedure.code} is abolished by decision ${abolition.decisionNumber} from ${isoDateOf(abolition.effectiveFrom)}`,
    });
  }
}

/** Versions take effect in the order they were decided: a new one may not take effect before the latest (422). */
export function assertNotBeforeLatest(procedure: ExistingProcedure, effectiveFrom: string): void {
  if (effectiveFrom < procedure.latest.effectiveFrom) {
    throw ruleProblem(
      'decision-out-of-order',
      'The decision takes effect before the latest version',
      [
        {
          field: 'decision.effectiveFrom',
          rule: 'not-before-latest-version',
          message: `version ${procedure.latest.version} of ${procedure.code} takes effect on ${procedure.latest.effectiveFrom}; a later decision cannot take effect before it`,
        },
      ],
    );
  }
}
