import { z } from 'zod';

// What each route of procedure-group.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const publishResponse = z.strictObject({
  decisionId: z.string(),
  number: z.string(),
  kind: z.enum(['new', 'amended']),
  effectiveFrom: z.string(),
  status: z.enum(['announced', 'scheduled']),
  code: z.string(),
  version: z.number(),
});

/** A group of procedures (nhóm TTHC) as the routes answer it. */
export const groupResponse = z.strictObject({
  groupId: z.string(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  procedureCodes: z.array(z.string()),
  decision: z.strictObject({
    number: z.string(),
    kind: z.enum(['new', 'amended', 'replaced', 'abolished']),
    signedOn: z.string(),
    effectiveFrom: z.string(),
  }),
  lifeEvent: z.string().optional(),
  isDemo: z.boolean(),
});

export const listResponse = z.array(groupResponse);
