import { z } from 'zod';
import {
  procedureGroupSchema,
  publicationDecisionSchema,
  referenceText,
  requestSchemaOf,
} from '@motcua/contracts';
import { effectiveNotBeforeSigning } from '../publication/publication.schemas';

/** Quyết định công bố of a group: a new group, or a new version of one (amended). */
const groupDecision = publicationDecisionSchema
  .extend({ kind: z.enum(['new', 'amended']), number: referenceText(64) })
  .superRefine(effectiveNotBeforeSigning);

/** The group as an officer submits it; the catalog adds its id, version and decision. */
export const groupInputSchema = procedureGroupSchema
  .pick({ code: true, name: true, lifeEvent: true, procedureCodes: true })
  .strict()
  .superRefine((group, ctx) => {
    group.procedureCodes.forEach((code, i) => {
      if (group.procedureCodes.indexOf(code) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedureCodes', i],
          params: { rule: 'unique-members' },
          message: `procedure ${code} is listed twice`,
        });
      }
    });
  });

export const groupDecisionBodySchema = requestSchemaOf(
  z.strictObject({
    decision: groupDecision,
    group: groupInputSchema,
    demo: z.boolean().optional().describe('Marks demo data (dữ liệu mẫu)'),
  }),
);
export type GroupDecisionBody = z.infer<typeof groupDecisionBodySchema>;
