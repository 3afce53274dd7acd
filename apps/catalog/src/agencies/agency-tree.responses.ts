import { z } from 'zod';

// What each route of agency-tree.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const agencyTreeResponse = z.strictObject({
  provinceCode: z.string(),
  version: z.number(),
  nodes: z.array(
    z.union([
      z.strictObject({
        kind: z.literal('province'),
        code: z.string(),
        name: z.string(),
      }),
      z.strictObject({
        kind: z.literal('department'),
        code: z.string(),
        name: z.string(),
        parentCode: z.string(),
      }),
      z.strictObject({
        kind: z.literal('centre'),
        code: z.string(),
        name: z.string(),
        parentCode: z.string(),
        receivesFor: z.array(z.string()),
      }),
      z.strictObject({
        kind: z.literal('unit'),
        code: z.string(),
        name: z.string(),
        parentCode: z.string(),
      }),
    ]),
  ),
  updatedAt: z.string(),
});
