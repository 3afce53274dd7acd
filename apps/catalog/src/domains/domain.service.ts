import { Injectable } from '@nestjs/common';
import { ruleProblem } from '@motcua/http';
import type { CatalogReader } from '../shared/catalog-tx';
import { DomainRepository } from './domain.repository';

export type CatalogDomain = {
  code: string;
  name: string;
  responsibleUnitCode: string;
  responsibleUnitName: string;
};

/** Lĩnh vực: the catalog's table of domains (seeded by migration) is the only source of valid domain codes. */
@Injectable()
export class DomainService {
  constructor(private readonly domains: DomainRepository) {}

  list(): Promise<CatalogDomain[]> {
    return this.domains.list();
  }

  /** The domain of that code, or 422 naming the field and the rule `known-domain`. */
  async require(reader: CatalogReader, code: string, field: string): Promise<CatalogDomain> {
    const domain = await this.domains.find(reader, code);
    if (domain) return domain;
    const known = await this.domains.codes(reader);
    throw ruleProblem('unknown-domain', 'The domain is not in the catalog', [
      {
        field,
        rule: 'known-domain',
        message: `unknown domain ${code}; known domains: ${known.join(', ')}`,
      },
    ]);
  }
}
