import { z } from 'zod';
import { portalCursor, uuid } from '@motcua/contracts';

/**
 * `GET /portal/changes?after=<cursor>&limit=` or `?since=<time>`: no cursor starts at the beginning
 * of the feed; `since` starts at the first change made at or after that time (a backfill from a
 * date), and the answer's nextCursor is followed from there.
 */
export const changesQuerySchema = z
  .strictObject({
    after: portalCursor.optional(),
    since: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Start at the first change made at or after this time (instead of after)'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !(q.after && q.since), {
    message: 'give either after or since, not both',
    path: ['since'],
  });
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

/** A receiver URL: absolute http(s), no credentials in it, at most 2,000 characters. */
const webhookUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
    );
  }, 'must be an absolute http(s) URL without credentials');

/** `POST /portal/webhooks`: where to deliver, and the HMAC secret (generated when not given). */
export const webhookBodySchema = z.strictObject({
  url: webhookUrl,
  secret: z
    .string()
    .min(32, 'must be at least 32 characters')
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  /** `now` (default): changes committed from now on; `beginning`: every stored change first. */
  from: z.enum(['now', 'beginning']).default('now'),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** `POST /portal/webhooks/{id}/redeliver`: the dead letters to send again (all of them when omitted). */
export const redeliverBodySchema = z.strictObject({
  deliveryIds: z
    .array(z.string().regex(/^\d{1,19}$/, 'must be a delivery id'))
    .max(1000)
    .optional(),
});
export type RedeliverBody = z.infer<typeof redeliverBodySchema>;

export const webhookIdParam = uuid;
