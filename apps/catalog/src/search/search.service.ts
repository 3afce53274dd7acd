import { Injectable } from '@nestjs/common';
import { SearchRepository } from './search.repository';
import type { SearchQuery } from './search.schemas';

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
  constructor(private readonly procedures: SearchRepository) {}

  async search(
    query: SearchQuery,
  ): Promise<{ items: ProcedureSummary[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await this.procedures.page(query);
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
