import { createHmac } from 'node:crypto';
import { applicantKeyOf, normalisePersonalId } from '@motcua/contracts';

/**
 * The applicant's pseudonymous key on events. With APPLICANT_KEY_SECRET set it is
 * HMAC-SHA-256(secret, normalised identifier): a 12-digit CCCD has only 10^12 values, so a
 * plain hash can be reversed by enumeration. Without a secret (development, tests) it falls back
 * to the contracts' plain SHA-256 (`applicantKeyOf`). A deployment must choose once: changing
 * the secret changes every key.
 */
export function applicantKeyFor(identifier: string, secret: string | undefined): string {
  if (!secret) return applicantKeyOf(identifier);
  return createHmac('sha256', secret).update(normalisePersonalId(identifier), 'utf8').digest('hex');
}

/** CCCD: 12 digits (after removing spaces, dots, dashes). */
export const CCCD_PATTERN = /^\d{12}$/;
