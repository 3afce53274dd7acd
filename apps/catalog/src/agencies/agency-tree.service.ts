import { Injectable } from '@nestjs/common';
import { agencyTreePublished, type AgencyNode } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import type { CatalogTx } from '../shared/catalog-tx';
import { AgencyTreeRepository } from './agency-tree.repository';

export type AgencyTreeView = {
  provinceCode: string;
  version: number;
  nodes: AgencyNode[];
  updatedAt: string;
};

/**
 * The province's agency tree: replaced whole by an administrator, each version published on
 * catalog.agency.v1 in the same transaction (every service's scope rules read their copy of it).
 */
@Injectable()
export class AgencyTreeService {
  constructor(
    private readonly uow: UnitOfWork<CatalogTx>,
    private readonly trees: AgencyTreeRepository,
  ) {}

  replace(
    input: { provinceCode: string; nodes: AgencyNode[] },
    updatedBy: string,
  ): Promise<AgencyTreeView> {
    return this.uow.run(async (tx, events) => {
      await this.trees.lock(tx, input.provinceCode);
      const current = await this.trees.find(input.provinceCode, tx);
      const version = (current?.version ?? 0) + 1;
      const stored = await this.trees.store(tx, { ...input, version }, updatedBy);
      events.publish(agencyTreePublished, {
        provinceCode: input.provinceCode,
        version,
        occurredAt: stored.updatedAt.toISOString(),
        nodes: input.nodes,
      });
      return viewOf(stored);
    });
  }

  async get(provinceCode: string): Promise<AgencyTreeView> {
    const stored = await this.trees.find(provinceCode);
    if (!stored)
      throw new DomainProblem(
        404,
        'agency-tree-not-found',
        'Agency tree not found',
        `No agency tree for province ${provinceCode}.`,
      );
    return viewOf(stored);
  }
}

function viewOf(row: {
  provinceCode: string;
  version: number;
  nodes: unknown;
  updatedAt: Date;
}): AgencyTreeView {
  return {
    provinceCode: row.provinceCode,
    version: row.version,
    nodes: row.nodes as AgencyNode[],
    updatedAt: row.updatedAt.toISOString(),
  };
}
