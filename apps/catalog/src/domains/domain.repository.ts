import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';
import type { CatalogReader } from '../shared/catalog-tx';

/** Queries on the table of domains (lĩnh vực), seeded by migration. */
@Injectable()
export class DomainRepository {
  constructor(private readonly db: CatalogDatabase) {}

  list(reader: Pick<CatalogReader, 'domain'> = this.db) {
    return reader.domain.findMany({ orderBy: { code: 'asc' } });
  }

  find(reader: CatalogReader, code: string) {
    return reader.domain.findUnique({ where: { code } });
  }

  async codes(reader: CatalogReader): Promise<string[]> {
    const rows = await reader.domain.findMany({ select: { code: true }, orderBy: { code: 'asc' } });
    return rows.map((row) => row.code);
  }
}
