import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { LOGGER, type Logger } from '@motcua/observability';
import { createPgPool, PgSqlDatabase } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The dossiers service's own database (no other service reads it). Prisma and the hot paths share
 * one connection pool: `sql` runs a statement straight on it, skipping Prisma's per-call work —
 * intake uses it for its three statements (procedure copy, dossier number, the intake itself).
 */
@Injectable()
export class DossiersDatabase extends PrismaClient implements OnApplicationShutdown {
  private readonly pool: Pool;
  readonly sql: PgSqlDatabase;

  constructor(
    @Inject(SERVICE_CONFIG) config: CommonServiceConfig,
    @Optional() @Inject(LOGGER) logger?: Logger,
  ) {
    const pool = createPgPool({ connectionString: config.DATABASE_URL, max: 10 }, { logger });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    this.sql = new PgSqlDatabase(pool);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}

/** The interactive transaction client of the dossiers database (what UnitOfWork hands out). */
export type DossiersTx = Parameters<Parameters<DossiersDatabase['$transaction']>[0]>[0];
