import { Injectable } from '@nestjs/common';
import { ServiceDatabase, type SqlTransaction } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The reporting service's own database (no other service reads it). Prisma and the projections
 * share one connection pool: the projection consumers apply every event through `sql`, plain pg,
 * skipping Prisma's per-call work (each dossier event is a handful of statements).
 */
@Injectable()
export class ReportingDatabase extends ServiceDatabase(PrismaClient) {}

/** The transaction a projection writes in (raw SQL only). */
export type ReportingTx = SqlTransaction;
