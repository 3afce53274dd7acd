import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';
import type { Prisma } from '../generated/prisma/client';
import type { SearchQuery } from './search.schemas';
import { searchTerms } from '@motcua/vietnamese';

export type ProcedureSummary = {
  code: string;
  name: string;
  domainCode: string;
  agencyCode: string;
  /** An inter-agency procedure (TTHC liên thông): `agencyCode` leads, these agencies take part. */
  chainAgencyCodes: string[];
  level: string;
  onlineLevel: string;
  status: string;
  version: number | null;
  /** Dữ liệu mẫu: published by the demo seed. */
  isDemo: boolean;
};

/** Listing and search over the announced procedures (summary columns of `procedure`, trigram index on search_text). */
@Injectable()
export class SearchService {
  constructor(private readonly db: CatalogDatabase) {}

  async search(
    query: SearchQuery,
  ): Promise<{ items: ProcedureSummary[]; total: number; page: number; pageSize: number }> {
    const where: Prisma.ProcedureWhereInput = {
      status: query.status,
      ...(query.code ? { code: { startsWith: query.code } } : {}),
      ...(query.domain ? { domainCode: query.domain } : {}),
      // An agency finds the procedures it leads and the inter-agency ones it takes part in.
      ...(query.agency
        ? { OR: [{ agencyCode: query.agency }, { chainAgencyCodes: { has: query.agency } }] }
        : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.onlineLevel ? { onlineLevel: query.onlineLevel } : {}),
      AND: searchTerms(query.q).map((term) => ({ searchText: { contains: term } })),
    };
    const [rows, total] = await Promise.all([
      this.db.procedure.findMany({
        where,
        orderBy: { code: 'asc' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.db.procedure.count({ where }),
    ]);
    const items = rows.map((p) => ({
      code: p.code,
      name: p.name,
      domainCode: p.domainCode,
      agencyCode: p.agencyCode,
      chainAgencyCodes: p.chainAgencyCodes,
      level: p.level,
      onlineLevel: p.onlineLevel,
      status: p.status,
      version: p.currentVersion,
      isDemo: p.isDemo,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
