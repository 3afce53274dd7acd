import { z } from 'zod';
import { procedureVersionSchema, publicationDecisionSchema } from '@motcua/contracts';

/** Body of a publication decision (quyết định công bố) that brings in a new procedure. */
export const newProcedureDecisionSchema = z
  .object({
    decision: publicationDecisionSchema.extend({ kind: z.literal('new') }),
    procedure: procedureVersionSchema.omit({ procedureId: true, version: true, decision: true }),
  })
  .superRefine((body, ctx) => {
    if (body.decision.effectiveFrom < body.decision.signedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision', 'effectiveFrom'],
        message: 'effective date must not be before the signing date',
      });
    }
    const shares = body.procedure.workflow.reduce((sum, step) => sum + step.share, 0);
    if (Math.abs(shares - body.procedure.timeLimit.value) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['procedure', 'workflow'],
        message: `workflow shares add up to ${shares}, but the time limit is ${body.procedure.timeLimit.value}`,
      });
    }
  });

export type NewProcedureDecision = z.infer<typeof newProcedureDecisionSchema>;
