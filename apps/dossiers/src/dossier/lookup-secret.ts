import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The lookup secret (mã tra cứu) printed on the receipt slip: the dossier keeps only its
 * SHA-256 digest; intake writes it, the public lookup and the slips check it.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
