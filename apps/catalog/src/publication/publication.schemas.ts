import { z } from 'zod';
import {
  procedureCode,
  procedureVersionSchema,
  publicationDecisionSchema,
  referenceText,
  requestSchemaOf,
  TWO_TIER_LOCAL_GOVERNMENT_FROM,
} from '@motcua/contracts';

export type DecisionKind = 'new' | 'amended' | 'replaced' | 'abolished';

/** A publication decision (of procedures or of a group) comes into force on or after its signing. */
export function effectiveNotBeforeSigning(
  decision: { signedOn: string; effectiveFrom: string },
  ctx: z.RefinementCtx,
): void {
  if (decision.effectiveFrom < decision.signedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['effectiveFrom'],
      params: { rule: 'not-before-signing' },
      message: 'effective date must not be before the signing date',
    });
  }
}

/** Quyết định công bố: number, kind, signing date, effective date (not before the signing date). */
const decisionOf = <K extends DecisionKind>(kind: K) =>
  publicationDecisionSchema
    .extend({ kind: z.literal(kind), number: referenceText(64) })
    .superRefine(effectiveNotBeforeSigning);

/**
 * The content of a procedure version as an officer submits it. The catalog adds the ids,
 * the version number, the decision, and the domain name (from its table of domains). Every text
 * is the event's field narrowed to request text (requestSchemaOf): trimmed, NFC, not blank, bounded.
 */
export const procedureInputSchema = requestSchemaOf(
  procedureVersionSchema
    .omit({ procedureId: true, version: true, decision: true, domainName: true })
    .extend({
      domainName: z.string().min(1).optional(),
      conditions: procedureVersionSchema.shape.conditions.default([]),
      fees: procedureVersionSchema.shape.fees.default([]),
    })
    .superRefine((procedure, ctx) => {
      const orders = procedure.workflow.map((step) => step.order);
      if (orders.some((order, i) => i > 0 && order <= orders[i - 1])) {
        ctx.addIssue({
          code: 'custom',
          path: ['workflow'],
          params: { rule: 'ordered-steps' },
          message: 'workflow steps must be in strictly increasing order',
        });
      }
      const { unit, value } = procedure.timeLimit;
      if (unit === 'same_day' && value !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeLimit', 'value'],
          params: { rule: 'same-day-value-is-1' },
          message: 'a same-day (trong ngày) limit has the value 1',
        });
      }
      if (
        (unit === 'months' || unit === 'working_days' || unit === 'calendar_days') &&
        !Number.isInteger(value)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeLimit', 'value'],
          params: { rule: 'whole-units' },
          message: `a limit in ${unit} is a whole number`,
        });
      }
      const shares = procedure.workflow.reduce((sum, step) => sum + step.share, 0);
      if (Math.abs(shares - procedure.timeLimit.value) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['workflow'],
          params: { rule: 'shares-add-up-to-time-limit' },
          message: `workflow shares add up to ${shares}, but the time limit is ${procedure.timeLimit.value}`,
        });
      }
    }),
);
export type ProcedureInput = z.infer<typeof procedureInputSchema>;

const demo = z.boolean().optional().describe('Marks demo data (dữ liệu mẫu)');

/**
 * From 1/7/2025 local government has two tiers (province, commune): a version effective from
 * then may not be at district level; older versions keep it (history). docs/legal-rules.md.
 */
function twoTierLevel(
  body: { decision: { effectiveFrom: string }; procedure: { level: string } },
  ctx: z.RefinementCtx,
): void {
  if (
    body.procedure.level === 'district' &&
    body.decision.effectiveFrom >= TWO_TIER_LOCAL_GOVERNMENT_FROM
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['procedure', 'level'],
      params: { rule: 'no-district-level-from-2025-07-01' },
      message: `a version effective from ${TWO_TIER_LOCAL_GOVERNMENT_FROM} is at province or commune level (two-tier local government)`,
    });
  }
}

export const newDecisionSchema = requestSchemaOf(
  z
    .object({ decision: decisionOf('new'), procedure: procedureInputSchema, demo })
    .superRefine(twoTierLevel),
);
export const amendedDecisionSchema = requestSchemaOf(
  z
    .object({ decision: decisionOf('amended'), procedure: procedureInputSchema })
    .superRefine(twoTierLevel),
);
export const replacedDecisionSchema = requestSchemaOf(
  z
    .object({
      decision: decisionOf('replaced'),
      replacesCode: procedureCode,
      procedure: procedureInputSchema,
      demo,
    })
    .superRefine(twoTierLevel),
);
export const abolishedDecisionSchema = requestSchemaOf(
  z.object({
    decision: decisionOf('abolished'),
    code: procedureCode,
  }),
);

export type NewDecision = z.infer<typeof newDecisionSchema>;
export type AmendedDecision = z.infer<typeof amendedDecisionSchema>;
export type ReplacedDecision = z.infer<typeof replacedDecisionSchema>;
export type AbolishedDecision = z.infer<typeof abolishedDecisionSchema>;
export type DecisionBody = NewDecision | AmendedDecision | ReplacedDecision | AbolishedDecision;

export const DECISION_BODY_SCHEMAS: Record<DecisionKind, z.ZodType<DecisionBody>> = {
  new: newDecisionSchema,
  amended: amendedDecisionSchema,
  replaced: replacedDecisionSchema,
  abolished: abolishedDecisionSchema,
};

export const decisionKindSchema = z.object({
  decision: z.object({ kind: z.enum(['new', 'amended', 'replaced', 'abolished']) }),
});
