import { z } from 'zod';
import { defineEvent } from '../define-event';
import {
  agencyCode,
  dossierCode,
  isoDateTime,
  label,
  portalStatusCode,
  safeCode,
} from './common.schemas';

/**
 * The national / provincial portal's answer to each status it received on
 * `portal.dossier-status.v1` (topic `portal.dossier-ack.v1`, key = dossierCode). Produced outside
 * motcua (CloudEvents source `/portal`); reporting consumes it for the Decision 766 criterion
 * "dossiers synchronised with the national portal".
 */
export const portalSyncAcknowledged = defineEvent({
  name: 'motcua.portal.sync-acknowledged',
  version: 1,
  topic: 'portal.dossier-ack.v1',
  keyField: 'dossierCode',
  source: '/portal',
  summary:
    'The portal accepted (or rejected, with its error code) one dossier status message; `updatedAt` repeats the acknowledged message’s yyyyMMddHHmmss so that a late acknowledgement of an older status is recognised.',
  schema: z.object({
    dossierCode,
    agencyCode,
    portalStatus: portalStatusCode,
    updatedAt: z
      .string()
      .regex(/^\d{14}$/, 'must be the yyyyMMddHHmmss of the acknowledged status'),
    acknowledgedAt: isoDateTime,
    accepted: z.boolean(),
    errorCode: safeCode.optional(),
    errorMessage: label.optional(),
  }),
  example: {
    dossierCode: '000.00.15.H26-261130-0001',
    agencyCode: '000.00.15.H26',
    portalStatus: 2,
    updatedAt: '20261130083000',
    acknowledgedAt: '2026-11-30T08:30:02+07:00',
    accepted: true,
  },
});

export const PORTAL_ACK_EVENTS = [portalSyncAcknowledged] as const;
