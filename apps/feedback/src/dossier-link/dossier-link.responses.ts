import { z } from 'zod';

// What each route of dossier-link.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const linkResponse = z.strictObject({
  dossierId: z.string(),
  linkedAt: z.string(),
  eventId: z.string(),
  dossierCode: z.string(),
  conduct: z.boolean(),
  verification: z.enum(['pending', 'confirmed', 'untrue']),
  repeatOf: z.string().optional(),
  reason: z.string().optional(),
  feedbackId: z.string(),
});
