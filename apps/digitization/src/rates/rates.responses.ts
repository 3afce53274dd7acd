import { z } from 'zod';

// What each route of rates.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const getResponse = z.strictObject({
  receivedWithDigitizedComponents: z.strictObject({
    numerator: z.number(),
    denominator: z.number(),
    rate: z.number().nullable(),
  }),
  validResultsDigitized: z.strictObject({
    target: z.number(),
    meetsTarget: z.boolean().nullable(),
    numerator: z.number(),
    denominator: z.number(),
    rate: z.number().nullable(),
  }),
  documentsReused: z.strictObject({
    numerator: z.number(),
    denominator: z.number(),
    rate: z.number().nullable(),
  }),
  agencyCode: z.string(),
  period: z.strictObject({
    from: z.string(),
    to: z.string(),
  }),
  asOf: z.string(),
});
