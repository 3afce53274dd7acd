import { Injectable } from '@nestjs/common';
import type { AgencyNode } from '@motcua/contracts';
import { CatalogDatabase } from '../catalog.database';
import type { CatalogTx } from '../shared/catalog-tx';

/** Queries on the stored agency trees, one per province. */
@Injectable()
export class AgencyTreeRepository {
  constructor(private readonly db: CatalogDatabase) {}

  /** Serialises the replacements of one province's tree until the transaction ends. */
  async lock(tx: CatalogTx, provinceCode: string): Promise<void> {
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))::text`, provinceCode);
  }

  find(provinceCode: string, reader: Pick<CatalogTx, 'agencyTree'> = this.db) {
    return reader.agencyTree.findUnique({ where: { provinceCode } });
  }

  store(
    tx: CatalogTx,
    tree: { provinceCode: string; version: number; nodes: AgencyNode[] },
    updatedBy: string,
  ) {
    const { provinceCode, version, nodes } = tree;
    return tx.agencyTree.upsert({
      where: { provinceCode },
      create: { provinceCode, version, nodes, updatedBy },
      update: { version, nodes, updatedBy, updatedAt: new Date() },
    });
  }

  /** Of these codes, those some stored tree knows as an agency (units do not count), every province read. */
  async knownAgencies(tx: CatalogTx, codes: readonly string[]): Promise<Set<string>> {
    const rows = await tx.$queryRawUnsafe<{ code: string }[]>(
      `SELECT DISTINCT node->>'code' AS code FROM agency_tree, jsonb_array_elements(nodes) AS node
       WHERE node->>'kind' <> 'unit' AND node->>'code' = ANY($1::text[])`,
      [...new Set(codes)],
    );
    return new Set(rows.map((row) => row.code));
  }
}
