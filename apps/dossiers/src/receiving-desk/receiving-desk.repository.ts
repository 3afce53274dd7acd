import { Injectable } from '@nestjs/common';
import { DossiersDatabase } from '../dossiers.database';
import type { Dossier, DossierStage, Prisma } from '../generated/prisma/client';
import type { ForwardedQuery } from './receiving-desk.schemas';

export type ForwardedDossier = Dossier & { stages: DossierStage[] };

/** Dossiers a receiving desk forwarded to their resolving agency (index receiving_agency_code, received_at, id). */
@Injectable()
export class ReceivingDeskRepository {
  constructor(private readonly db: DossiersDatabase) {}

  async forwarded(
    receivingAgencies: readonly string[] | undefined,
    query: ForwardedQuery,
  ): Promise<{ rows: ForwardedDossier[]; total: number }> {
    const where: Prisma.DossierWhereInput = {
      forwardedAt: { not: null },
      ...(receivingAgencies ? { receivingAgencyCode: { in: [...receivingAgencies] } } : {}),
      ...(query.status ? { status: query.status } : {}),
      receivedAt: {
        ...(query.receivedFrom ? { gte: new Date(query.receivedFrom) } : {}),
        ...(query.receivedTo ? { lt: new Date(query.receivedTo) } : {}),
      },
    };
    const [rows, total] = await Promise.all([
      this.db.dossier.findMany({
        where,
        include: { stages: { orderBy: [{ order: 'asc' }, { agencyCode: 'asc' }] } },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
        skip: query.offset,
        take: query.limit,
      }),
      this.db.dossier.count({ where }),
    ]);
    return { rows, total };
  }
}
