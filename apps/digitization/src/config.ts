import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { commonServiceEnv, type CommonServiceConfig } from '@motcua/config';

/** The repository root (the folder holding nx.json) above this file, or the working directory. */
function repositoryRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const megabytes = (fallback: number) => z.coerce.number().int().min(1).max(2048).default(fallback);

/** Environment variables of the digitization service, validated at start. */
export const digitizationEnv = {
  ...commonServiceEnv,
  /** Where files live: `local` (filesystem, default) or `s3` (S3-compatible object storage, needs S3_*). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** Root of the local store; with S3 the staging folder of temp files (`<dir>/.incoming`). */
  STORAGE_DIR: z
    .string()
    .min(1)
    .default(join(repositoryRoot(), '.data', 'digitization', 'files'))
    .transform((value) => resolve(value)),
  /** S3 endpoint (path-style addressing), e.g. https://s3.ap-southeast-1.amazonaws.com. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Key prefix inside the bucket, e.g. `digitization/`. */
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with /')
    .default(''),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SESSION_TOKEN: z.string().min(1).optional(),
  MAX_PDF_MB: megabytes(50),
  MAX_IMAGE_MB: megabytes(20),
  MAX_TIFF_MB: megabytes(100),
  /** Page cap of one file (PDF `/Type /Page` objects, TIFF IFDs). */
  MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Decompression-bomb guard: width × height of an image (PNG IHDR, JPEG SOF, TIFF IFD). */
  MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(80_000_000),
  /** Days a row of the personal-data access log is kept before the hourly purge deletes it. */
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
  /** Public result downloads allowed per client IP and minute. */
  PUBLIC_DOWNLOAD_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /**
   * Trust anchors of electronic signatures (signatures/trust-anchors.ts): PEM files, comma-separated
   * (Vietnam's national root CA, the province's accepted CAs). Without any, every signed PDF is refused.
   */
  SIGNATURE_TRUST_ANCHORS_FILE: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /** The same as PEM text (for secret stores that hand out values, not files). */
  SIGNATURE_TRUST_ANCHORS_PEM: z
    .string()
    .optional()
    .transform((value) => value || undefined),
};

export type DigitizationConfig = CommonServiceConfig & {
  STORAGE_DRIVER: 'local' | 's3';
  STORAGE_DIR: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_PREFIX: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_SESSION_TOKEN?: string;
  MAX_PDF_MB: number;
  MAX_IMAGE_MB: number;
  MAX_TIFF_MB: number;
  MAX_PAGES: number;
  MAX_IMAGE_PIXELS: number;
  PUBLIC_DOWNLOAD_RATE_PER_MINUTE: number;
  ACCESS_LOG_RETENTION_DAYS: number;
  SIGNATURE_TRUST_ANCHORS_FILE?: string;
  SIGNATURE_TRUST_ANCHORS_PEM?: string;
};

export const DIGITIZATION_CONFIG = Symbol('DIGITIZATION_CONFIG');

/** Rules across variables (checked at start, next to the per-variable ones). */
export function storageConfigProblems(
  config: Pick<
    DigitizationConfig,
    'STORAGE_DRIVER' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'
  >,
): string[] {
  if (config.STORAGE_DRIVER !== 's3') return [];
  return (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
    .filter((name) => !config[name])
    .map((name) => `${name} is required when STORAGE_DRIVER=s3`);
}
