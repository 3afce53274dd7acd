import { ruleProblem } from '@motcua/http';
import type { CatalogTx } from '../shared/catalog-tx';
import type { AgencyTreeRepository } from './agency-tree.repository';

/**
 * Of these agency codes, those that no stored agency tree knows as an agency (a province,
 * department or centre; units do not count). Every province's tree is read: a chain may
 * cross a provincial boundary only through an external stage, which is not looked up.
 */
async function unknownAgencies(
  agencies: AgencyTreeRepository,
  tx: CatalogTx,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const known = await agencies.knownAgencies(tx, codes);
  return new Set(codes.filter((code) => !known.has(code)));
}

/**
 * Each of the province's own (non-external) stages of a chain is an agency of the agency tree
 * (422 `unknown-agency`, naming every stage otherwise). External stages (a ministry, the tax
 * authority) are outside the province's tree and are not looked up.
 */
export async function assertChainAgenciesKnown(
  agencies: AgencyTreeRepository,
  tx: CatalogTx,
  stages: readonly { agencyCode: string; external: boolean }[],
  prefix = 'procedure.interAgency.stages',
): Promise<void> {
  const own = stages.flatMap((stage, index) =>
    stage.external ? [] : [{ index, code: stage.agencyCode }],
  );
  const unknown = await unknownAgencies(
    agencies,
    tx,
    own.map((stage) => stage.code),
  );
  const errors = own
    .filter((stage) => unknown.has(stage.code))
    .map((stage) => ({
      field: `${prefix}.${stage.index}.agencyCode`,
      rule: 'known-agency',
      message: `${stage.code} is not an agency of the agency tree (PUT /agency-tree); mark a stage of an agency outside the province as external`,
    }));
  if (errors.length > 0)
    throw ruleProblem('unknown-agency', 'An agency of the chain is not in the agency tree', errors);
}
