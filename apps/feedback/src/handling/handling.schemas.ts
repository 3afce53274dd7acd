import { z } from 'zod';
import { agencyCode, feedbackCategory, freeText, label, unitCode, uuid } from '@motcua/contracts';
import type { FeedbackAction } from '../feedback/feedback-actions.table';

const answerText = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .refine(
    // eslint-disable-next-line no-control-regex
    (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
    'must not contain control characters',
  );

/** The body of each action; reasons reach events, so they follow the contracts' freeText rule. */
export const ACTION_BODIES = {
  classify: z
    .object({ category: feedbackCategory, reason: freeText.optional() })
    .strict()
    .refine((b) => b.category !== 'not_accepted' || !!b.reason, {
      path: ['reason'],
      message: 'a refusal (not_accepted) needs its reason',
    }),
  forward: z
    .object({ agencyName: label, agencyCode: agencyCode.optional(), note: freeText.optional() })
    .strict(),
  assign: z.object({ unitCode, officerId: uuid.optional() }).strict(),
  'request-info': z.object({ reason: freeText }).strict(),
  'info-received': z.object({ note: freeText.optional() }).strict(),
  answer: z.object({ answer: answerText }).strict(),
  'return-answer': z.object({ reason: freeText }).strict(),
  approve: z.object({}).strict(),
  publish: z.object({}).strict(),
} satisfies Record<FeedbackAction, z.ZodType>;

export type ActionBody<A extends FeedbackAction> = z.infer<(typeof ACTION_BODIES)[A]>;
