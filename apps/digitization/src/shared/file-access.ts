import type { Readable } from 'node:stream';
import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';

/** A dossier as far as download rights go: its agency and the units that handle it. */
export type HandlingScope = { agencyCode: string; handlingUnits: string[] } | null;

/**
 * Officers of a unit that handles the dossier (receiving unit, workflow steps, transfers, as
 * the dossier events told) or of the unit that digitized/issued the file may download it, and
 * only within their agency when the dossier is known.
 */
export function assertMayDownload(principal: Principal, scope: HandlingScope, ownerUnit: string): void {
  const unit = principal.unit;
  const inAgency = !scope || !principal.agency || principal.agency === scope.agencyCode;
  const handles = unit !== undefined && (unit === ownerUnit || (scope?.handlingUnits.includes(unit) ?? false));
  if (!inAgency || !handles) {
    throw new DomainProblem(403, 'not-handling-unit', 'Forbidden', 'Only officers of a unit handling this dossier may download its files.');
  }
}

/** The records of a dossier the caller may see: all when a handling unit, else only its unit's own. */
export function visibleTo<T>(principal: Principal, scope: HandlingScope, rows: T[], ownerOf: (row: T) => string): T[] {
  const inAgency = !scope || !principal.agency || principal.agency === scope.agencyCode;
  if (inAgency && principal.unit && scope?.handlingUnits.includes(principal.unit)) return rows;
  return inAgency ? rows.filter((row) => ownerOf(row) === principal.unit) : [];
}

export type FileDownload = { stream: Readable; mediaType: string; sizeBytes: number; filename: string };

export const notFound = (what: string, field = 'id') =>
  new DomainProblem(404, `${what}-not-found`, 'Not found', `No ${what} with this ${field}.`, {
    errors: [{ field, rule: 'exists', message: `no ${what} with this ${field}` }],
  });
