import { z } from 'zod';

// What each route of rebuild.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const startResponse = z.strictObject({
  generation: z.number(),
  groupId: z.string(),
  status: z.string(),
});

export const stateResponse = z.strictObject({
  generations: z.array(
    z.strictObject({
      generation: z.number(),
      groupId: z.string(),
      status: z.enum(['active', 'building', 'retired']),
    }),
  ),
  building: z
    .strictObject({
      generation: z.number(),
      lag: z.number().nullable(),
    })
    .optional(),
});
