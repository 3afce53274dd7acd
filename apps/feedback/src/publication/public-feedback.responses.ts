import { z } from 'zod';
import { feedbackSubjectSchema } from '../feedback/feedback.view.schema';

// What each route of public-feedback.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A published answer (câu trả lời được công khai). */
export const answerResponse = z.strictObject({
  code: z.string(),
  subject: feedbackSubjectSchema,
  title: z.string(),
  content: z.string(),
  receivedAt: z.string(),
  answer: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const searchResponse = z.strictObject({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(answerResponse),
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
