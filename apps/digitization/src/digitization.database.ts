import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { LOGGER, type Logger } from '@motcua/observability';
import { createPgPool, PgSqlDatabase, type SqlTransaction } from '@motcua/messaging';
import { PrismaClient } from './generated/prisma/client';

/**
 * The digitization service's own database (no other service reads it). Prisma and the event
 * consumer share one connection pool: the consumer applies events through `sql`, plain pg.
 */
@Injectable()
export class DigitizationDatabase extends PrismaClient implements OnApplicationShutdown {
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

/** The interactive transaction client of the digitization database (what UnitOfWork hands out). */
export type DigitizationTx = Parameters<Parameters<DigitizationDatabase['$transaction']>[0]>[0];
/** The transaction event handlers write in (raw SQL only: see MessagingModule's `consumeThrough`). */
export type DigitizationEventTx = SqlTransaction;
