import { z } from 'zod';
import { commonServiceEnv, type CommonServiceConfig } from '@motcua/config';

/** Environment variables of the catalog service, validated at start. */
export const catalogEnv = {
  ...commonServiceEnv,
  /** How often the scheduler looks for publication decisions that took effect (default: every minute). */
  CATALOG_ANNOUNCE_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
};

export type CatalogConfig = CommonServiceConfig & { CATALOG_ANNOUNCE_INTERVAL_MS: number };

export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');
