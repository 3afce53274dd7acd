import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signature of a portal webhook delivery: `motcua-signature: t=<unix seconds>,v1=<hex>` where
 * hex = HMAC-SHA256(secret, `<t>.<raw body>`). The receiver recomputes it over the raw bytes it
 * received, compares in constant time and refuses a timestamp older than the tolerance (replays).
 */
export const WEBHOOK_SIGNATURE_HEADER = 'motcua-signature';
/** The delivery's id: the same on every retry and redelivery of one change to one subscription. */
export const WEBHOOK_DELIVERY_HEADER = 'motcua-delivery';
/** Default tolerance of a receiver for the signature's timestamp. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}

export type WebhookVerification = { valid: true } | { valid: false; reason: string };

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): WebhookVerification {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) {
    return { valid: false, reason: 'malformed signature header' };
  }
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    return { valid: false, reason: 'timestamp outside the tolerance' };
  }
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return timingSafeEqual(expected, given)
    ? { valid: true }
    : { valid: false, reason: 'signature mismatch' };
}
