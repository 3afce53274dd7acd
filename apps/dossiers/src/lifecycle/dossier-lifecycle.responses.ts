import { z } from 'zod';
import { dossierViewSchema } from '../dossier/dossier.view.schema';

// What each route of dossier-lifecycle.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const getResponse = dossierViewSchema.extend({
  history: z.array(
    z.strictObject({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      portalStatus: z.int(),
      occurredAt: z.iso.datetime(),
      actorUnit: z.string().nullable(),
    }),
  ),
});

export const performResponse = dossierViewSchema;
