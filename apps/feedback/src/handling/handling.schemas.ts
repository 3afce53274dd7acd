import { z } from 'zod';
import {
  agencyCode,
  boundedText,
  feedbackCategory,
  labelText,
  reasonText,
  requestSchemaOf,
  unitCode,
  uuid,
} from '@motcua/contracts';
import type { FeedbackAction } from '../feedback/feedback-actions.table';

/** The answer is served over HTTP only (never in an event): request text up to 10,000 characters. */
const answerText = boundedText(10_000);

/** The body of each action; reasons and names reach events, so they narrow the contracts' freeText and label. */
const ACTION_BODY_SCHEMAS = {
  classify: z
    .object({ category: feedbackCategory, reason: reasonText.optional() })
    .strict()
    .refine((b) => b.category !== 'not_accepted' || !!b.reason, {
      path: ['reason'],
      message: 'a refusal (not_accepted) needs its reason',
    }),
  forward: z
    .object({
      agencyName: labelText,
      agencyCode: agencyCode.optional(),
      note: reasonText.optional(),
    })
    .strict(),
  assign: z.object({ unitCode, officerId: uuid.optional() }).strict(),
  'request-info': z.object({ reason: reasonText }).strict(),
  'info-received': z.object({ note: reasonText.optional() }).strict(),
  answer: z.object({ answer: answerText }).strict(),
  'return-answer': z.object({ reason: reasonText }).strict(),
  approve: z.object({}).strict(),
  publish: z.object({}).strict(),
} satisfies Record<FeedbackAction, z.ZodType>;

export const ACTION_BODIES = Object.fromEntries(
  Object.entries(ACTION_BODY_SCHEMAS).map(([action, schema]) => [action, requestSchemaOf(schema)]),
) as typeof ACTION_BODY_SCHEMAS;

export type ActionBody<A extends FeedbackAction> = z.infer<(typeof ACTION_BODY_SCHEMAS)[A]>;
