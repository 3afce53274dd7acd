import type { CatalogDatabase } from '../catalog.database';

/** The Prisma transaction client handed out by `UnitOfWork.run`. */
export type CatalogTx = Parameters<Parameters<CatalogDatabase['$transaction']>[0]>[0];

/** Reads: the database itself or a transaction. */
export type CatalogReader = Pick<CatalogDatabase, 'procedure' | 'procedureVersion' | 'domain'>;
