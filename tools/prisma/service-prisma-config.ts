import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Prisma CLI configuration shared by every service: the JavaScript schema engine
 * with the pg driver adapter, so `prisma generate` and `prisma migrate deploy`
 * need no downloaded engine binaries (see docs/adr/0002-prisma-without-binaries.md).
 */
export function servicePrismaConfig(serviceDir: string) {
  return defineConfig({
    schema: path.join(serviceDir, 'prisma', 'schema.prisma'),
    engine: 'js',
    experimental: { adapter: true },
    async adapter() {
      return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    },
  } as never);
}
