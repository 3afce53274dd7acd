import { z } from 'zod';
import { allowedHostsEnv } from './webhook-hosts';

/** Environment of the portal resync path (webhooks); part of the dossiers service's config. */
export const portalEnv = {
  /** How often the webhook dispatcher fans out new changes and sends due deliveries; 0 turns it off. */
  PORTAL_WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** Attempts of one delivery before it goes to the subscription's dead-letter list. */
  PORTAL_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Wait after the first failed attempt; doubled after each further one (exponential backoff). */
  PORTAL_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
  /** Longest wait between two attempts. */
  PORTAL_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  /** Time a receiver has to answer one delivery. */
  PORTAL_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * Hosts a webhook may be registered for, comma-separated: `portal.tinh.gov.vn`, `*.tinh.gov.vn`,
   * an IP literal (webhook-hosts.ts). Empty (the default): every registration is refused (422).
   */
  PORTAL_WEBHOOK_ALLOWED_HOSTS: allowedHostsEnv,
  /**
   * Days a portal change stays in the changes feed once a newer change of its dossier exists; the
   * latest change of every dossier is kept for ever (as the compacted portal topic keeps it).
   */
  PORTAL_CHANGE_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** How often old portal changes are pruned; 0 turns the pruning off. */
  PORTAL_CHANGE_PRUNE_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
};

export type PortalConfig = {
  PORTAL_WEBHOOK_INTERVAL_MS: number;
  PORTAL_WEBHOOK_MAX_ATTEMPTS: number;
  PORTAL_WEBHOOK_RETRY_BASE_MS: number;
  PORTAL_WEBHOOK_RETRY_MAX_MS: number;
  PORTAL_WEBHOOK_TIMEOUT_MS: number;
  PORTAL_WEBHOOK_ALLOWED_HOSTS: string[];
  PORTAL_CHANGE_RETENTION_DAYS: number;
  PORTAL_CHANGE_PRUNE_INTERVAL_MS: number;
};
