import { Injectable } from '@nestjs/common';
import { CatalogDatabase } from '../catalog.database';
import { ruleProblem } from '@motcua/http';
import type { CatalogReader } from '../shared/catalog-tx';

export type CatalogDomain = {
  code: string;
  name: string;
  responsibleUnitCode: string;
  responsibleUnitName: string;
};

/** Lĩnh vực: the catalog's table of domains (seeded by migration) is the only source of valid domain codes. */
@Injectable()
export class DomainService {
  constructor(private readonly db: CatalogDatabase) {}

  list(): Promise<CatalogDomain[]> {
    return this.db.domain.findMany({ orderBy: { code: 'asc' } });
  }

  /** The domain of that code, or 422 naming the field and the rule `known-domain`. */
  async require(reader: CatalogReader, code: string, field: string): Promise<CatalogDomain> {
    const domain = await reader.domain.findUnique({ where: { code } });
    if (domain) return domain;
    const known = (
      await reader.domain.findMany({ select: { code: true }, orderBy: { code: 'asc' } })
    ).map((d) => d.code);
    throw ruleProblem('unknown-domain', 'The domain is not in the catalog', [
      {
        field,
        rule: 'known-domain',
        message: `unknown domain ${code}; known domains: ${known.join(', ')}`,
      },
    ]);
  }
}
