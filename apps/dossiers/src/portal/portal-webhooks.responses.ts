import { z } from 'zod';

// What each route of portal-webhooks.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const createResponse = z.strictObject({
  secret: z.string(),
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
});

export const listResponse = z.strictObject({
  webhooks: z.array(
    z.strictObject({
      id: z.string(),
      url: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const deadLettersResponse = z.strictObject({
  deadLetters: z.array(
    z.strictObject({
      deliveryId: z.string(),
      dossierCode: z.string(),
      sequence: z.number(),
      cursor: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
    }),
  ),
});

export const redeliverResponse = z.strictObject({
  redelivered: z.number(),
});
