import { z } from 'zod';
import { feedbackViewSchema } from '../feedback/feedback.view.schema';

// What the intake routes answer (intake-reply.ts): 201 a new feedback with its tracking token, 200
// merged into an earlier one (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

const instant = z.iso.datetime();

export const publicIntakeResponse = z.strictObject({
  merged: z.boolean(),
  id: z.uuid(),
  code: z.string(),
  status: z.string(),
  receivedAt: instant,
  dueDates: z.strictObject({ classifyBy: instant, answerBy: instant }),
  trackingToken: z
    .string()
    .optional()
    .describe('Only for a new feedback: the key of its public tracking'),
});

export const deskIntakeResponse = publicIntakeResponse.extend({ feedback: feedbackViewSchema });
