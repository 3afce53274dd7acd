import { createHash } from 'node:crypto';

/**
 * Personal identifiers (số định danh cá nhân / CCCD, 12 digits; old CMND, 9 digits; enterprise
 * codes) never travel on an event stream. The internal stream carries `applicantKey`, the public
 * portal stream a masked identifier. These two functions are the only ways to derive them.
 */

/** Upper-case, without spaces, dots or dashes: `001 099.012-345` → `001099012345`. */
export function normalisePersonalId(identifier: string): string {
  return identifier.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The pseudonymous key of an applicant on the internal stream: SHA-256 (lowercase hex) of the
 * normalised identifier. Stable across services, so projections can join on it.
 */
export function applicantKeyOf(identifier: string): string {
  const normalised = normalisePersonalId(identifier);
  if (normalised.length === 0) throw new RangeError('empty applicant identifier');
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/**
 * Masks an identifier for public display: at most the first 4 and the last 2 characters stay
 * visible (`001099012345` → `0010******45`); shorter identifiers show proportionally less, and at
 * least 3 characters are always masked.
 */
export function maskPersonalId(identifier: string): string {
  const normalised = normalisePersonalId(identifier);
  if (normalised.length < 4) throw new RangeError('identifier too short to mask');
  const head = Math.min(4, Math.floor(normalised.length / 3));
  const tail = Math.min(2, Math.floor(normalised.length / 6));
  const hidden = normalised.length - head - tail;
  return `${normalised.slice(0, head)}${'*'.repeat(hidden)}${tail > 0 ? normalised.slice(-tail) : ''}`;
}
