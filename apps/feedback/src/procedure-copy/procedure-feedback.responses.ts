import { z } from 'zod';
import { feedbackViewSchema } from '../feedback/feedback.view.schema';

// What each route of procedure-feedback.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const listResponse = z.strictObject({
  procedureCode: z.string(),
  total: z.int(),
  byStatus: z.record(z.string(), z.int()),
  items: z.array(feedbackViewSchema),
});
