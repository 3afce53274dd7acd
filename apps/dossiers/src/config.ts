import { z } from 'zod';
import { commonServiceEnv, type CommonServiceConfig } from '@motcua/config';
import { APPLICANT_KEY_SECRET_MIN_LENGTH } from './personal-data/applicant-key';
import { portalEnv, type PortalConfig } from './portal/portal.config';

/** Environment variables of the dossiers service, validated at start. */
export const dossiersEnv = {
  ...commonServiceEnv,
  ...portalEnv,
  /**
   * Key of the HMAC that turns an applicant identifier into applicantKey (see applicant-key.ts).
   * Required in every stack (npm run up, the tests and docker-compose generate one).
   */
  APPLICANT_KEY_SECRET: z
    .string()
    .min(
      APPLICANT_KEY_SECRET_MIN_LENGTH,
      `must be at least ${APPLICANT_KEY_SECRET_MIN_LENGTH} characters`,
    ),
  /** Public lookups allowed per client IP and minute. */
  LOOKUP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Days a row of the personal-data access log is kept before the hourly purge deletes it. */
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  /** How often the deadline watch looks for due-soon and overdue dossiers; 0 turns it off. */
  DEADLINE_WATCH_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * Public lookup the slips' QR code opens, as `<PUBLIC_LOOKUP_URL>/<code>[#secret=…]` (the portal's
   * lookup page in production); default `<PUBLIC_BASE_URL>/public/dossiers` (slips/lookup-link.ts).
   */
  PUBLIC_LOOKUP_URL: z
    .string()
    .refine(
      (value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value),
      'must be an http(s) URL',
    )
    .optional(),
};

export type DossiersConfig = CommonServiceConfig &
  PortalConfig & {
    APPLICANT_KEY_SECRET: string;
    LOOKUP_RATE_PER_MINUTE: number;
    DEADLINE_WATCH_INTERVAL_MS: number;
    ACCESS_LOG_RETENTION_DAYS: number;
    PUBLIC_LOOKUP_URL?: string;
  };

export const DOSSIERS_CONFIG = Symbol('DOSSIERS_CONFIG');
