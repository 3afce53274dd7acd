import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { PrismaClient } from './generated/prisma/client';

/** The reporting service's own database (no other service reads it). */
@Injectable()
export class ReportingDatabase extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(SERVICE_CONFIG) config: CommonServiceConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** The transaction client handed to projection handlers. */
export type ReportingTx = Parameters<Parameters<ReportingDatabase['$transaction']>[0]>[0];
