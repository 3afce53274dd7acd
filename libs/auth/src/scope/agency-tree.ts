import type { AgencyNode } from '@motcua/contracts';

/**
 * The province's agency tree (province → department or centre → unit), as the catalog publishes it
 * on `catalog.agency.v1` and each service keeps a copy of it. It answers one question for the scope
 * rules: for which agencies' dossiers does an officer of agency X act?
 */
export class AgencyTree {
  private readonly byCode = new Map<string, AgencyNode>();
  private readonly units = new Map<string, Set<string>>();

  constructor(readonly nodes: readonly AgencyNode[] = []) {
    for (const node of nodes) {
      if (node.kind === 'unit') {
        const set = this.units.get(node.parentCode) ?? new Set<string>();
        this.units.set(node.parentCode, set.add(node.code));
      } else {
        this.byCode.set(node.code, node);
      }
    }
  }

  static empty(): AgencyTree {
    return new AgencyTree([]);
  }

  knows(agencyCode: string): boolean {
    return this.byCode.has(agencyCode);
  }

  /** The agency's name as the tree publishes it (undefined for an agency the tree does not list). */
  nameOf(agencyCode: string): string | undefined {
    return this.byCode.get(agencyCode)?.name;
  }

  /**
   * The agencies whose dossiers an officer of `agencyCode` receives and returns: its own, and, for
   * the public administration centre, those of the departments it receives for. An agency missing
   * from the tree acts for itself only.
   */
  actsFor(agencyCode: string): ReadonlySet<string> {
    const node = this.byCode.get(agencyCode);
    return new Set([agencyCode, ...(node?.kind === 'centre' ? node.receivesFor : [])]);
  }

  /**
   * Whether `agencyCode` is a public administration centre (Trung tâm Phục vụ hành chính công) of
   * the tree: it receives dossiers regardless of administrative boundaries (docs/inter-agency.md
   * "Receipt at any desk"), also for agencies it does not act for.
   */
  isCentre(agencyCode: string): boolean {
    return this.byCode.get(agencyCode)?.kind === 'centre';
  }

  /** Whether `unitCode` is a unit of `agencyCode` (true when the tree does not list the agency's units). */
  hasUnit(agencyCode: string, unitCode: string): boolean {
    const units = this.units.get(agencyCode);
    return units === undefined || units.has(unitCode);
  }
}
