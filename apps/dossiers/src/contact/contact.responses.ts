import { z } from 'zod';

// What each route of contact.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const recordResponse = z.strictObject({
  contactedAt: z.string(),
  eventId: z.string(),
  body: z.enum(['one_stop_desk', 'other_body']),
  bodyName: z.string(),
  legallyRequired: z.boolean(),
  dossierId: z.string(),
});
