import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { LOGGER, type Logger } from '@motcua/observability';
import { createPgPool, PgSqlDatabase, type SqlTransaction } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The reporting service's own database (no other service reads it). Prisma and the projections
 * share one connection pool: the projection consumers apply every event through `sql`, plain pg,
 * skipping Prisma's per-call work (each dossier event is a handful of statements).
 */
@Injectable()
export class ReportingDatabase extends PrismaClient implements OnApplicationShutdown {
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

/** The transaction a projection writes in (raw SQL only). */
export type ReportingTx = SqlTransaction;
