import { z } from 'zod';
import { agencyCode, dossierCode, isoDateTime, safeCode, uuid } from './common.schemas';
import { defineEventFamily } from '../define-event';

/**
 * A feedback item (PAKN) that is about a dossier (topic `feedback.feedback.v1`, key = feedbackId).
 * Inputs of index 7 of the 2018 evaluation (a PAKN on an officer's harassment or misconduct, unless
 * verified untrue) and of the Decision 766 dossier-satisfaction criterion (a dossier with a PAKN).
 * Published again (latest wins) when the verification of a conduct complaint concludes.
 */
const feedbackLinkEvent = defineEventFamily({
  topic: 'feedback.feedback.v1',
  keyField: 'feedbackId',
  source: '/motcua/feedback',
});

export const feedbackLinked = feedbackLinkEvent({
  name: 'motcua.feedback.linked',
  version: 1,
  summary:
    'The feedback was found to be about a dossier: whether it complains of an officer’s harassment or misconduct, and the outcome of verifying it.',
  schema: z.object({
    feedbackId: uuid,
    feedbackCode: safeCode,
    agencyCode,
    occurredAt: isoDateTime,
    dossierId: uuid,
    dossierCode,
    /** The feedback complains of an officer's harassment or misconduct (phản ánh về hành vi nhũng nhiễu, gây phiền hà). */
    conduct: z.boolean(),
    verification: z.enum(['pending', 'confirmed', 'untrue']),
    /** The sender complains again about the handling of an earlier feedback item. */
    repeatOf: uuid.optional(),
  }),
  example: {
    feedbackId: '3f6b2d8e-1c4a-4e7b-9d2f-8a1b0c9d7e65',
    feedbackCode: 'PAKN-2026-000123',
    agencyCode: '000.00.15.H26',
    occurredAt: '2026-12-03T09:00:00+07:00',
    dossierId: '7a4e2c1b-9d3f-4b6a-8e5c-0f1d2a3b4c5d',
    dossierCode: '000.00.15.H26-261130-0001',
    conduct: true,
    verification: 'pending',
  },
});

export const FEEDBACK_LINK_EVENTS = [feedbackLinked] as const;
