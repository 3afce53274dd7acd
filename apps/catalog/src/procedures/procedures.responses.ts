import { z } from 'zod';
import { procedureVersionSchema } from '@motcua/contracts';

// What each route of procedures.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A version of a procedure as the catalog publishes it: the event contract's own schema. */
export const procedureResponse = procedureVersionSchema;

export const versionsResponse = z.strictObject({
  code: z.string(),
  status: z.string(),
  currentVersion: z.number().nullable(),
  isDemo: z.boolean(),
  versions: z.array(
    z.strictObject({
      version: z.number(),
      effect: z.string(),
      decision: z.strictObject({
        number: z.string(),
        kind: z.string(),
        signedOn: z.string(),
        effectiveFrom: z.string(),
      }),
      announcedAt: z.string().nullable(),
      relatedCode: z.string().nullable(),
      record: procedureVersionSchema,
    }),
  ),
});
