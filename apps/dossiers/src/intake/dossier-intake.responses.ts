import { z } from 'zod';
import { dossierViewSchema } from '../dossier/dossier.view.schema';

// What each route of dossier-intake.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const receiveResponse = z.strictObject({
  outcome: z.enum(['received', 'supplement_requested', 'refused']),
  replayed: z
    .boolean()
    .describe('True when an earlier request with this Idempotency-Key made the dossier'),
  dossier: dossierViewSchema,
});
