import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { LOGGER, type Logger } from '@motcua/observability';
import { createPgPool } from '../connections';
import { PgSqlDatabase } from '../pg-database';

/** Connections of a service's pool: Prisma's share and the plain-pg hot paths' share. */
const POOL_SIZE = 10;

/** What a service's generated `PrismaClient` class is to this mixin: built on the pg adapter. */
type PrismaClientClass<T> = new (options: { adapter: PrismaPg }) => T;
type Disconnectable = { $disconnect(): Promise<void> };

/** The parts every service database adds to its Prisma client. */
export type ServiceDatabaseParts = OnApplicationShutdown & {
  /** The same pool without Prisma: `$transaction`, `$queryRawUnsafe`, `$executeRawUnsafe` (PgSqlDatabase). */
  readonly sql: PgSqlDatabase;
};

/**
 * A service's own database (no other service reads it), as one Nest provider: its generated
 * Prisma client on a pool that survives a database restart (createPgPool), the same pool as
 * plain pg in `sql` for hot paths and event handlers, both closed at shutdown. Each service
 * names its own class, the one Nest injects:
 *
 *   export class CatalogDatabase extends ServiceDatabase(PrismaClient) {}
 */
export function ServiceDatabase<T extends Disconnectable>(
  Client: PrismaClientClass<T>,
): new (config: CommonServiceConfig, logger?: Logger) => T & ServiceDatabaseParts {
  const Base = Client as PrismaClientClass<Disconnectable>;

  @Injectable()
  class Database extends Base implements ServiceDatabaseParts {
    private readonly pool: Pool;
    readonly sql: PgSqlDatabase;

    constructor(
      @Inject(SERVICE_CONFIG) config: CommonServiceConfig,
      @Optional() @Inject(LOGGER) logger?: Logger,
    ) {
      const pool = createPgPool(
        { connectionString: config.DATABASE_URL, max: POOL_SIZE },
        { logger },
      );
      super({ adapter: new PrismaPg(pool) });
      this.pool = pool;
      this.sql = new PgSqlDatabase(pool);
    }

    async onApplicationShutdown(): Promise<void> {
      await this.$disconnect();
      await this.pool.end();
    }
  }
  return Database as unknown as new (
    config: CommonServiceConfig,
    logger?: Logger,
  ) => T & ServiceDatabaseParts;
}
