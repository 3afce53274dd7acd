import { z } from 'zod';
import { FEEDBACK_ACTIONS } from '../feedback/feedback-actions.table';
import { feedbackViewSchema } from '../feedback/feedback.view.schema';

// What each route of feedback-handling.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const listResponse = z.strictObject({
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  items: z.array(feedbackViewSchema),
});

/** The handling view: the item with the actions the caller may perform now. */
const handlingView = feedbackViewSchema.extend({
  allowedActions: z.array(z.enum(FEEDBACK_ACTIONS)),
});

export const getResponse = handlingView.extend({
  history: z.array(
    z.strictObject({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorUnit: z.string().nullable(),
      occurredAt: z.string(),
      details: z
        .union([z.string(), z.number(), z.unknown() /*JSON*/, z.unknown() /*JSON*/, z.boolean()])
        .nullable(),
    }),
  ),
});

export const performResponse = handlingView;
