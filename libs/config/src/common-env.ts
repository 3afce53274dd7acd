import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .min(1)
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL with protocol ${protocols.join(' or ')}`);

const brokerList = z
  .string()
  .min(1)
  .refine(
    (value) => value.split(',').every((b) => /^[\w.-]+:\d{1,5}$/.test(b.trim())),
    'must be a comma-separated list of host:port',
  )
  .transform((value) => value.split(',').map((b) => b.trim()));

/** Variables every motcua service reads. Services extend this with their own. */
export const commonServiceEnv = {
  PORT: z.coerce.number().int().min(1).max(65535),
  /**
   * Management port serving /metrics (never the public port). Default 9464, the Prometheus
   * exporters' port; 0 picks a free one (tests). The local stack uses 9101-9105.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  DATABASE_URL: url(['postgresql:', 'postgres:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  KAFKA_BROKERS: brokerList,
  /** JWKS of the identity provider: https://… in production, file://… for the local dev key. */
  AUTH_JWKS_URL: url(['https:', 'http:', 'file:']),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** How far the identity provider's clock may differ from ours (exp, nbf, iat), in seconds. */
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Least time between two JWKS fetches caused by a token signed with an unknown key, in seconds. */
  AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** Public base URL of the service, used in links (QR codes, lookups). */
  PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
};

export type CommonServiceConfig = {
  PORT: number;
  METRICS_PORT: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  KAFKA_BROKERS: string[];
  AUTH_JWKS_URL: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_CLOCK_SKEW_SECONDS: number;
  AUTH_JWKS_COOLDOWN_SECONDS: number;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  PUBLIC_BASE_URL?: string;
};

/** Nest injection token of the validated configuration of the running service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
