import { Injectable } from '@nestjs/common';
import { searchTerms } from '@motcua/vietnamese';
import { CatalogDatabase } from '../catalog.database';
import type { Prisma } from '../generated/prisma/client';
import type { SearchQuery } from './search.schemas';

/** The listing query over the summary columns of `procedure` (trigram index on search_text). */
@Injectable()
export class SearchRepository {
  constructor(private readonly db: CatalogDatabase) {}

  /** One page of the procedures matching the query, by code, and how many match in all. */
  async page(query: SearchQuery) {
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
    return { rows, total };
  }
}
