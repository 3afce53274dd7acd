import { createHash, createHmac } from 'node:crypto';

/** Phone numbers compare by digits (+84 → 0), e-mails case-insensitively. */
export function normaliseContact(contact: { phone?: string; email?: string }): string | undefined {
  if (contact.phone) {
    const digits = contact.phone.replace(/\D/g, '');
    return `phone:${digits.startsWith('84') ? `0${digits.slice(2)}` : digits}`;
  }
  if (contact.email) return `email:${contact.email.trim().toLowerCase()}`;
  return undefined;
}

/**
 * A pseudonymous key: HMAC-SHA-256 with FEEDBACK_KEY_SECRET when set (a phone number has too few
 * values for a plain hash to hide it), plain SHA-256 otherwise (development, tests).
 */
export function keyedHash(value: string, secret: string | undefined): string {
  return secret
    ? createHmac('sha256', secret).update(value, 'utf8').digest('hex')
    : createHash('sha256').update(value, 'utf8').digest('hex');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
