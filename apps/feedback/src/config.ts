import { z } from 'zod';
import { commonServiceEnv, type CommonServiceConfig } from '@motcua/config';

/** Environment variables of the feedback service, validated at start. */
export const feedbackEnv = {
  ...commonServiceEnv,
  /** The agency that receives feedback (QCVN 102:2016 code). */
  FEEDBACK_AGENCY_CODE: z
    .string()
    .regex(/^[A-Z0-9]{2,3}(\.[A-Z0-9]{2,3}){1,4}$/)
    .default('000.00.15.H26'),
  /** The unit that logs and classifies feedback (Phòng Kiểm soát TTHC / Văn phòng). */
  FEEDBACK_INTAKE_UNIT: z
    .string()
    .regex(/^\S{1,64}$/)
    .default('VP.KSTT'),
  /** Public submissions allowed per client and minute. */
  FEEDBACK_SUBMIT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  /** Public lookups (tracking, answers) allowed per client and minute. */
  FEEDBACK_LOOKUP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Reverse proxies in front of the service whose X-Forwarded-For is trusted (0: ignore the header). */
  FEEDBACK_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Window in which the same submitter's same content is merged into the existing item. */
  FEEDBACK_DUPLICATE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
  /** Key of the HMAC for sender and client keys. */
  FEEDBACK_KEY_SECRET: z.string().min(16).optional(),
  /** Days a row of the personal-data access log is kept before the hourly purge deletes it. */
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  /** How often the deadline watch runs. */
  FEEDBACK_DEADLINE_INTERVAL_MS: z.coerce.number().int().min(200).default(60_000),
};

export type FeedbackConfig = CommonServiceConfig & {
  FEEDBACK_AGENCY_CODE: string;
  FEEDBACK_INTAKE_UNIT: string;
  FEEDBACK_SUBMIT_RATE_PER_MINUTE: number;
  FEEDBACK_LOOKUP_RATE_PER_MINUTE: number;
  FEEDBACK_TRUSTED_PROXY_HOPS: number;
  FEEDBACK_DUPLICATE_WINDOW_MINUTES: number;
  FEEDBACK_KEY_SECRET?: string;
  FEEDBACK_DEADLINE_INTERVAL_MS: number;
  ACCESS_LOG_RETENTION_DAYS: number;
};

export const FEEDBACK_CONFIG = Symbol('FEEDBACK_CONFIG');
