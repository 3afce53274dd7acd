import { z } from 'zod';
import {
  domainCode,
  isoDate,
  lineText,
  procedureCode,
  reasonText,
  referenceText,
  requestSchemaOf,
  unitCode,
} from '@motcua/contracts';

/** Đợt rà soát of one domain: who reviews it, by when, which procedures. */
export const openCampaignSchema = requestSchemaOf(
  z.object({
    name: lineText(300),
    year: z.int().min(2000).max(2100),
    planReference: referenceText(64).optional(),
    domainCode,
    /** Defaults to the domain's responsible department. */
    responsibleUnitCode: unitCode.optional(),
    responsibleUnitName: lineText(300).optional(),
    deadline: isoDate,
    procedureCodes: z
      .array(procedureCode)
      .min(1)
      .refine((codes) => new Set(codes).size === codes.length, {
        message: 'procedure codes must not repeat',
        params: { rule: 'unique-items' },
      }),
    demo: z.boolean().optional(),
  }),
);
export type OpenCampaign = z.infer<typeof openCampaignSchema>;

const criterion = z.object({
  assessment: z.enum(['meets', 'partially_meets', 'does_not_meet']),
  findings: z.array(reasonText).default([]),
});

/** Đánh giá against the four criteria of Circular 02/2017 ch. V: sự cần thiết, tính hợp lý, tính hợp pháp, chi phí tuân thủ. */
export const evaluationSchema = requestSchemaOf(
  z.object({
    procedureCode,
    criteria: z.object({
      necessity: criterion,
      reasonableness: criterion,
      legality: criterion,
      complianceCost: criterion,
    }),
    conclusion: z.enum(['keep', 'simplify', 'amend', 'replace', 'abolish']),
  }),
);
export type Evaluation = z.infer<typeof evaluationSchema>;

const costInput = z.object({
  workCostVnd: z.int().min(0),
  feesVnd: z.int().min(0),
  timesPerYear: z.number().positive(),
  subjectsPerYear: z.int().min(0),
});

/** Phương án đơn giản hóa: what to cut, and the compliance cost now and after. */
export const proposalSchema = requestSchemaOf(
  z.object({
    procedureCode,
    proposals: z.array(reasonText).min(1),
    removedDocumentCodes: z.array(lineText(32)).default([]),
    stepsRemoved: z.int().min(0).default(0),
    /** The proposed time limit, in the unit of the current one; defaults to the current one. */
    proposedTimeLimit: z.number().positive().optional(),
    cost: z.object({ current: costInput, proposed: costInput }),
  }),
);
export type Proposal = z.infer<typeof proposalSchema>;

export const closeCampaignSchema = z.object({
  reportReference: referenceText(64).optional(),
});
export type CloseCampaign = z.infer<typeof closeCampaignSchema>;
