import { z } from 'zod';

// What each route of domains.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const listResponse = z.array(
  z.strictObject({
    code: z.string(),
    name: z.string(),
    responsibleUnitCode: z.string(),
    responsibleUnitName: z.string(),
  }),
);
