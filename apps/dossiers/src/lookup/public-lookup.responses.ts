import { z } from 'zod';

// What each route of public-lookup.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** The national portal's status label (1-10) in Vietnamese and English. */
const statusLabel = z.strictObject({ vi: z.string(), en: z.string() });

export const lookupResponse = z.strictObject({
  code: z.string(),
  procedureCode: z.string(),
  portalStatus: z.number(),
  statusLabel,
  receivedAt: z.string(),
  appointmentDate: z.string().nullable(),
  returnedAt: z.string().nullable(),
  history: z.array(
    z.strictObject({
      action: z.string(),
      portalStatus: z.number(),
      statusLabel,
      at: z.string(),
    }),
  ),
});
