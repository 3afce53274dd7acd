import { z } from 'zod';

// What GET /receiving-desk/dossiers answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

const holder = z.strictObject({
  agencyCode: z.string(),
  agencyName: z.string().nullable(),
  /** When the holder took it (the stage's acceptance or transfer; the forwarding otherwise). */
  since: z.string().nullable(),
});

export const forwardedListResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      code: z.string(),
      procedureCode: z.string(),
      procedureVersion: z.number(),
      applicantName: z.string(),
      resolvingAgencyCode: z.string(),
      receivingAgencyCode: z.string(),
      receivedAt: z.string(),
      forwardedAt: z.string(),
      status: z.string(),
      legalDueAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      resultReturnPlace: z.string().nullable(),
      holders: z.array(holder),
    }),
  ),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export type ForwardedList = z.infer<typeof forwardedListResponse>;
