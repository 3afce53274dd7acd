import { z } from 'zod';

// What each route of publication.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const recordResponse = z.strictObject({
  decisionId: z.string(),
  number: z.string(),
  kind: z.enum(['new', 'amended', 'replaced', 'abolished']),
  effectiveFrom: z.string(),
  status: z.enum(['announced', 'scheduled']),
  versions: z.array(
    z.strictObject({
      code: z.string(),
      version: z.number(),
      effect: z.enum(['publish', 'amend', 'abolish']),
    }),
  ),
});
