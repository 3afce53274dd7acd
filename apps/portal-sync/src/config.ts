import { z } from 'zod';

/**
 * The sample portal consumer's settings, from the environment: where the portal's own table lives,
 * the portal's read-only Kafka identity, its consumer group (its own, starting with `portal`), and
 * the dossiers service's changes feed with a portal_client token.
 */
export const portalSyncEnv = z.object({
  PORTAL_SYNC_DATABASE_URL: z.string().min(1),
  KAFKA_BROKERS: z.string().min(1),
  KAFKA_SASL_USERNAME: z.string().min(1),
  KAFKA_SASL_PASSWORD: z.string().min(1),
  KAFKA_SECURITY_PROTOCOL: z.enum(['SASL_PLAINTEXT', 'SASL_SSL']).default('SASL_PLAINTEXT'),
  PORTAL_SYNC_GROUP: z
    .string()
    .regex(/^portal[A-Za-z0-9._-]*$/, 'must start with portal (the ACL grants that prefix)')
    .default('portal.sync'),
  DOSSIERS_URL: z.string().url(),
  PORTAL_TOKEN: z.string().min(1),
  /** Test hook: a pause after each applied message, to be killed mid-stream. */
  PORTAL_SYNC_DELAY_MS: z.coerce.number().int().min(0).default(0),
});
export type PortalSyncConfig = z.infer<typeof portalSyncEnv>;
