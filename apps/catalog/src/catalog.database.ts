import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { createPgPool } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { PrismaClient } from './generated/prisma/client';

/** The catalog service's own database (no other service reads it). */
@Injectable()
export class CatalogDatabase extends PrismaClient implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(
    @Inject(SERVICE_CONFIG) config: CommonServiceConfig,
    @Optional() @Inject(LOGGER) logger?: Logger,
  ) {
    // A pool that survives a database restart (see createPgPool), handed to Prisma's adapter.
    const pool = createPgPool({ connectionString: config.DATABASE_URL, max: 10 }, { logger });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
