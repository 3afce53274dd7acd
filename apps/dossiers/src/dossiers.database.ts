import { Injectable } from '@nestjs/common';
import { ServiceDatabase } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The dossiers service's own database (no other service reads it). Prisma and the hot paths share
 * one connection pool: `sql` runs a statement straight on it, skipping Prisma's per-call work —
 * intake uses it for its three statements (procedure copy, dossier number, the intake itself).
 */
@Injectable()
export class DossiersDatabase extends ServiceDatabase(PrismaClient) {}

/** The interactive transaction client of the dossiers database (what UnitOfWork hands out). */
export type DossiersTx = Parameters<Parameters<DossiersDatabase['$transaction']>[0]>[0];
