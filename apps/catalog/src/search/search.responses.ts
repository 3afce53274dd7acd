import { z } from 'zod';

// What each route of search.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const searchResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      code: z.string(),
      name: z.string(),
      domainCode: z.string(),
      agencyCode: z.string(),
      chainAgencyCodes: z.array(z.string()),
      level: z.string(),
      onlineLevel: z.string(),
      status: z.string(),
      version: z.number().nullable(),
      isDemo: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
