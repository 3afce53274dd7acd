import { z } from 'zod';
import { actorSchema, freeText, isoDateTime, label, safeCode } from './common.schemas';
import { dossierEvent } from './dossier-event';
import { dossierFactsSchema, exampleDossierFacts as facts } from './dossier.schemas';

/**
 * How a dossier ends (topic `dossiers.dossier.v1`, key = dossierId). For the on-time rule the
 * finish is the first of processed, result-returned, stopped or refused; on time when it is not
 * later than the dueDate in force.
 */

export const dossierRefused = dossierEvent({
  name: 'motcua.dossier.refused',
  version: 1,
  summary:
    'The dossier was refused with reasons (form 03): at intake (portal status 3, not received) or after receipt as not eligible (status per the dossiers service policy, 8 by default).',
  schema: dossierFactsSchema.extend({
    stage: z.enum(['intake', 'processing']),
    reasons: z.array(freeText).min(1),
    refusedBy: actorSchema,
  }),
  example: {
    ...facts,
    portalStatus: 8,
    occurredAt: '2026-12-03T10:00:00+07:00',
    stage: 'processing',
    reasons: ['Mặt hàng không thuộc danh mục phải đăng ký giá tại địa phương'],
    refusedBy: { unitCode: 'P.QLG' },
  },
});

export const dossierProcessed = dossierEvent({
  name: 'motcua.dossier.processed',
  version: 1,
  summary: 'Processing finished and the result is ready to be returned (portal status 9).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(9),
    dueDate: isoDateTime,
    processedBy: actorSchema,
    resultType: safeCode,
    /** The result is issued electronically (counts for Decision 766 digitization). */
    electronicResult: z.boolean(),
  }),
  example: {
    ...facts,
    portalStatus: 9,
    occurredAt: '2026-12-04T15:00:00+07:00',
    processedBy: { unitCode: 'P.QLG' },
    resultType: 'notice',
    electronicResult: true,
  },
});

export const dossierResultReturned = dossierEvent({
  name: 'motcua.dossier.result-returned',
  version: 1,
  summary:
    'The result was returned to the applicant at the desk, by post or online (portal status 10).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(10),
    returnedAt: isoDateTime,
    dueDate: isoDateTime,
    method: z.enum(['desk', 'postal', 'online']),
    returnedBy: actorSchema,
  }),
  example: {
    ...facts,
    portalStatus: 10,
    occurredAt: '2026-12-04T16:10:00+07:00',
    returnedAt: '2026-12-04T16:10:00+07:00',
    method: 'online',
    returnedBy: { unitCode: 'VP.MC' },
  },
});

export const dossierWithdrawn = dossierEvent({
  name: 'motcua.dossier.withdrawn',
  version: 1,
  summary: 'The applicant withdrew the dossier (portal status 7).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(7),
    requestedAt: isoDateTime,
    reason: freeText.optional(),
  }),
  example: {
    ...facts,
    portalStatus: 7,
    occurredAt: '2026-12-02T14:00:00+07:00',
    requestedAt: '2026-12-02T13:45:00+07:00',
    reason: 'Doanh nghiệp điều chỉnh phương án giá',
  },
});

export const dossierStopped = dossierEvent({
  name: 'motcua.dossier.stopped',
  version: 1,
  summary:
    "Processing was stopped (dừng xử lý, portal status 8): by the agency, e.g. the applicant did not supplement in time, or at the applicant's request before any decision or result notice, with its notice (Circular 03/2025 form 05, Decree 118/2025 Art. 21).",
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(8),
    reason: freeText,
    stoppedBy: actorSchema,
    legalBasis: label.optional(),
    /** Who asked for the stop (absent on events before 2026-12: the agency). */
    initiator: z.enum(['agency', 'applicant']).optional(),
    /** How the applicant's request arrived (applicant stops only). */
    requestChannel: z.enum(['in_person', 'postal', 'online']).optional(),
    /** The stop notice issued: Circular 03/2025 form 05 (Thông báo dừng giải quyết hồ sơ). */
    notice: z.object({ form: safeCode, number: safeCode.optional() }).optional(),
  }),
  example: {
    ...facts,
    portalStatus: 8,
    occurredAt: '2026-12-20T09:00:00+07:00',
    reason: 'Quá thời hạn bổ sung hồ sơ',
    stoppedBy: { unitCode: 'P.QLG' },
  },
});

export const DOSSIER_OUTCOME_EVENTS = [
  dossierRefused,
  dossierProcessed,
  dossierResultReturned,
  dossierWithdrawn,
  dossierStopped,
] as const;
