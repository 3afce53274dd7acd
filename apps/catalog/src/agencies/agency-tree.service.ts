import { Injectable } from '@nestjs/common';
import { agencyTreePublished, type AgencyNode } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { UnitOfWork } from '@motcua/messaging';
import { CatalogDatabase } from '../catalog.database';
import type { CatalogTx } from '../shared/catalog-tx';

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
    private readonly db: CatalogDatabase,
  ) {}

  replace(
    input: { provinceCode: string; nodes: AgencyNode[] },
    updatedBy: string,
  ): Promise<AgencyTreeView> {
    return this.uow.run(async (tx, events) => {
      await tx.$queryRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtext($1))::text`,
        input.provinceCode,
      );
      const current = await tx.agencyTree.findUnique({
        where: { provinceCode: input.provinceCode },
      });
      const version = (current?.version ?? 0) + 1;
      const stored = await tx.agencyTree.upsert({
        where: { provinceCode: input.provinceCode },
        create: { provinceCode: input.provinceCode, version, nodes: input.nodes, updatedBy },
        update: { version, nodes: input.nodes, updatedBy, updatedAt: new Date() },
      });
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
    const stored = await this.db.agencyTree.findUnique({ where: { provinceCode } });
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
