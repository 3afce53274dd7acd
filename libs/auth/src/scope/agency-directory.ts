import { agencyNodeSchema, type AgencyNode } from '@motcua/contracts';
import { z } from 'zod';
import { AgencyTree } from './agency-tree';

/** The statements a service's database client offers (a Prisma client or transaction, or pg through a shim). */
export type RawSql = {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

/**
 * The local copy of the agency tree: table `agency_tree_copy` (one row per province), created by a
 * migration of each service that keeps one. `storeAgencyTree` is the whole projection of
 * `motcua.agency.tree-published`: a version lower than or equal to the stored one changes nothing.
 */
export async function storeAgencyTree(
  sql: RawSql,
  tree: { provinceCode: string; version: number; nodes: AgencyNode[] },
): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO agency_tree_copy (province_code, version, nodes) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (province_code) DO UPDATE SET version = EXCLUDED.version, nodes = EXCLUDED.nodes, received_at = now()
     WHERE agency_tree_copy.version < EXCLUDED.version`,
    tree.provinceCode,
    tree.version,
    JSON.stringify(tree.nodes),
  );
}

const storedNodes = z.array(agencyNodeSchema);

export async function loadAgencyTree(sql: RawSql): Promise<AgencyTree> {
  const rows = await sql.$queryRawUnsafe<{ nodes: unknown }[]>(
    `SELECT nodes FROM agency_tree_copy ORDER BY province_code`,
  );
  return new AgencyTree(rows.flatMap((row) => storedNodes.parse(row.nodes)));
}

/**
 * The tree as a service uses it: read from the local copy, kept for `ttlMs`, read again at once
 * when asked about an agency it does not know (a tree published a moment ago). Concurrent reads share one query.
 */
export class AgencyDirectory {
  private tree: AgencyTree | undefined;
  private readAt = 0;
  private loading: Promise<AgencyTree> | undefined;

  constructor(
    private readonly load: () => Promise<AgencyTree>,
    private readonly ttlMs = 30_000,
  ) {}

  async current(knowing?: string): Promise<AgencyTree> {
    const age = Date.now() - this.readAt;
    if (this.tree && age < this.ttlMs) {
      // An agency the tree does not know: read again, at most once a second (an unknown agency acts for itself only).
      if (knowing === undefined || this.tree.knows(knowing) || age < UNKNOWN_AGENCY_REREAD_MS)
        return this.tree;
    }
    this.loading ??= this.load()
      .then((tree) => {
        this.tree = tree;
        this.readAt = Date.now();
        return tree;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

const UNKNOWN_AGENCY_REREAD_MS = 1000;
