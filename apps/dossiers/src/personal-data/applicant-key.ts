import { createHmac } from 'node:crypto';
import { normalisePersonalId } from '@motcua/contracts';

/** The least length of APPLICANT_KEY_SECRET (characters). */
export const APPLICANT_KEY_SECRET_MIN_LENGTH = 16;

/**
 * The applicant's pseudonymous key on events: HMAC-SHA-256(APPLICANT_KEY_SECRET, normalised
 * identifier). A 12-digit CCCD has only 10^12 values, so a plain hash could be reversed by
 * enumeration: there is no fallback without the secret, in any stack (`npm run up`, the tests and
 * docker-compose generate one). A deployment must choose once: changing the secret changes every key.
 */
export function applicantKeyFor(identifier: string, secret: string | undefined): string {
  if (!secret || secret.length < APPLICANT_KEY_SECRET_MIN_LENGTH) {
    throw new Error(
      `APPLICANT_KEY_SECRET is required (at least ${APPLICANT_KEY_SECRET_MIN_LENGTH} characters) to key an applicant`,
    );
  }
  return createHmac('sha256', secret).update(normalisePersonalId(identifier), 'utf8').digest('hex');
}
