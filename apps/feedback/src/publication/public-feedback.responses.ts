import { z } from 'zod';

// What each route of public-feedback.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const searchResponse = z.strictObject({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(
    z.strictObject({
      code: z.string(),
      subject: z.strictObject({
        kind: z.string(),
        procedureCode: z.string().nullable(),
        procedureName: z.string().nullable(),
        domainCode: z.string().nullable(),
        regulation: z.string().nullable(),
        unit: z.string().nullable(),
      }),
      title: z.string(),
      content: z.string(),
      receivedAt: z.string(),
      answer: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

export const answerResponse = z.strictObject({
  code: z.string(),
  subject: z.strictObject({
    kind: z.string(),
    procedureCode: z.string().nullable(),
    procedureName: z.string().nullable(),
    domainCode: z.string().nullable(),
    regulation: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  title: z.string(),
  content: z.string(),
  receivedAt: z.string(),
  answer: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const trackResponse = z.strictObject({
  code: z.string(),
  status: z.string(),
  title: z.string(),
  receivedAt: z.string(),
  category: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  classificationReason: z.string().nullable(),
  answer: z.string().nullable(),
  publishedAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
  mayRate: z.boolean(),
});
