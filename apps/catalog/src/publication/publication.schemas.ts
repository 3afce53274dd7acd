import { z } from 'zod';
import { procedureCode, procedureVersionSchema, publicationDecisionSchema } from '@motcua/contracts';

export type DecisionKind = 'new' | 'amended' | 'replaced' | 'abolished';

/** Quyết định công bố: number, kind, signing date, effective date (not before the signing date). */
const decisionOf = <K extends DecisionKind>(kind: K) =>
  publicationDecisionSchema.extend({ kind: z.literal(kind), number: z.string().trim().min(1).max(64) }).superRefine((decision, ctx) => {
    if (decision.effectiveFrom < decision.signedOn) {
      ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], params: { rule: 'not-before-signing' }, message: 'effective date must not be before the signing date' });
    }
  });

/**
 * The content of a procedure version as an officer submits it. The catalog adds the ids,
 * the version number, the decision, and the domain name (from its table of domains).
 */
export const procedureInputSchema = procedureVersionSchema
  .omit({ procedureId: true, version: true, decision: true, domainName: true })
  .extend({
    domainName: z.string().min(1).optional(),
    conditions: procedureVersionSchema.shape.conditions.default([]),
    fees: procedureVersionSchema.shape.fees.default([]),
  })
  .superRefine((procedure, ctx) => {
    const orders = procedure.workflow.map((step) => step.order);
    if (orders.some((order, i) => i > 0 && order <= orders[i - 1])) {
      ctx.addIssue({ code: 'custom', path: ['workflow'], params: { rule: 'ordered-steps' }, message: 'workflow steps must be in strictly increasing order' });
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
  });
export type ProcedureInput = z.infer<typeof procedureInputSchema>;

const demo = z.boolean().optional().describe('Marks demo data (dữ liệu mẫu)');

export const newDecisionSchema = z.object({ decision: decisionOf('new'), procedure: procedureInputSchema, demo });
export const amendedDecisionSchema = z.object({ decision: decisionOf('amended'), procedure: procedureInputSchema });
export const replacedDecisionSchema = z.object({ decision: decisionOf('replaced'), replacesCode: procedureCode, procedure: procedureInputSchema, demo });
export const abolishedDecisionSchema = z.object({ decision: decisionOf('abolished'), code: procedureCode });

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

export const decisionKindSchema = z.object({ decision: z.object({ kind: z.enum(['new', 'amended', 'replaced', 'abolished']) }) });
