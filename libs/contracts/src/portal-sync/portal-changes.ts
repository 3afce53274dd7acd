import { z } from 'zod';
import { dossierCode } from '../events/common.schemas';
import { portalDossierStatusSchema } from '../events/portal.events';

/**
 * The portal's resync path (đồng bộ lại): the dossiers service stores every portal status it
 * publishes and serves them as a feed (`GET /portal/changes?after=<cursor>`) and as signed webhooks.
 * One item is one change: the status as on the Kafka stream, with the dossier's portal sequence
 * (latest wins per dossier) and the instant of the change to the millisecond.
 */

/** An opaque, stable position in the feed: `<transaction>.<position>` (compare nothing, just send it back). */
export const portalCursor = z
  .string()
  .max(41)
  .regex(/^\d{1,20}\.\d{1,20}$/, 'must be a cursor returned by GET /portal/changes');

export type PortalCursor = { txid: bigint; position: bigint };

export function encodePortalCursor(cursor: PortalCursor): string {
  return `${cursor.txid}.${cursor.position}`;
}

export function decodePortalCursor(text: string): PortalCursor {
  const [txid, position] = portalCursor.parse(text).split('.');
  return { txid: BigInt(txid), position: BigInt(position) };
}

/** The start of the feed (before every change). */
export const PORTAL_FEED_START = '0.0';

export const portalChangeSchema = z.object({
  /** Position of this change in the feed; `after=<cursor>` continues after it. */
  cursor: portalCursor,
  dossierCode,
  /** The dossier's portal sequence: 1, 2, 3... per dossier code, the same as ce_sequence on Kafka. */
  sequence: z.number().int().min(1),
  /** When the status changed, ISO 8601 UTC with milliseconds (ce_time on Kafka). */
  changedAt: z.iso.datetime({ precision: 3 }),
  /** The CloudEvents id of the Kafka message that carried it (ce_id). */
  eventId: z.uuid(),
  /** The whole status, as the value of the Kafka message. */
  status: portalDossierStatusSchema,
});
export type PortalChange = z.infer<typeof portalChangeSchema>;

export const portalChangesPageSchema = z.object({
  changes: z.array(portalChangeSchema),
  /** Send it back as `after` for the next page; the same as the request's when nothing is new. */
  nextCursor: portalCursor,
  /** More changes wait beyond this page. */
  hasMore: z.boolean(),
});
export type PortalChangesPage = z.infer<typeof portalChangesPageSchema>;

/** Keep a status only if it is newer than the one held: the ordering rule of the portal stream. */
export function isNewerPortalStatus(incoming: number, held: number | undefined): boolean {
  return held === undefined || incoming > held;
}
