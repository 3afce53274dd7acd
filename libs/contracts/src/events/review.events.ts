import { z } from 'zod';
import { defineEventFamily } from '../define-event';
import {
  amountVnd,
  domainCode,
  freeText,
  isoDate,
  isoDateTime,
  procedureCode,
  timeLimitUnit,
  unitCode,
  uuid,
} from './common.schemas';

/**
 * Rà soát, đánh giá, đơn giản hóa TTHC: review campaigns of the catalog service.
 * Topic `catalog.review.v1`, key = campaignId (one campaign's events stay in order).
 */
const reviewEvent = defineEventFamily({
  topic: 'catalog.review.v1',
  keyField: 'campaignId',
  source: '/motcua/catalog',
});

/** One domain of a campaign: who reviews it, by when, and which procedures. */
export const reviewScopeSchema = z.object({
  domainCode,
  domainName: z.string().min(1),
  responsibleUnitCode: unitCode,
  responsibleUnitName: z.string().min(1),
  deadline: isoDate,
  procedureCodes: z.array(procedureCode).min(1),
});

const criterionAssessment = z.enum(['meets', 'partially_meets', 'does_not_meet']);
const criterionSchema = z.object({
  assessment: criterionAssessment,
  findings: z.array(freeText),
});

/** Chi phí tuân thủ (Circular 02/2017/TT-VPCP Art. 27) of one variant of a procedure. */
export const complianceCostSchema = z.object({
  /** Cost of the work (time, travel, copies...) needed to obtain the result once. */
  workCostVnd: amountVnd.min(0),
  /** Fees, charges and other legal costs of one execution. */
  feesVnd: amountVnd.min(0),
  /** = workCostVnd + feesVnd. */
  costPerExecutionVnd: amountVnd.min(0),
  timesPerYear: z.number().positive(),
  subjectsPerYear: z.int().min(0),
  /** = costPerExecutionVnd × timesPerYear × subjectsPerYear (rounded to the đồng). */
  annualCostVnd: amountVnd.min(0),
});
export type ComplianceCost = z.infer<typeof complianceCostSchema>;

const base = z.object({ campaignId: uuid, occurredAt: isoDateTime });

const exampleCampaignId = '5d0c8a52-7c1e-4c38-9a51-3f0f2a9d6b10';
const examplePricing = {
  domainCode: 'QLG',
  domainName: 'Quản lý giá',
  responsibleUnitCode: 'P.QLG',
  responsibleUnitName: 'Phòng Quản lý giá',
  deadline: '2026-06-30',
  procedureCodes: ['1.005432'],
};

export const reviewCampaignOpened = reviewEvent({
  name: 'motcua.review.campaign-opened',
  version: 1,
  summary:
    'A review campaign (kế hoạch rà soát) was opened: its domains, each with the responsible department, deadline and procedures in scope.',
  schema: base.extend({
    name: z.string().min(1),
    year: z.int().min(2000),
    planReference: z.string().min(1).optional(),
    deadline: isoDate,
    scopes: z.array(reviewScopeSchema).min(1),
  }),
  example: {
    campaignId: exampleCampaignId,
    occurredAt: '2026-03-02T08:00:00+07:00',
    name: 'Rà soát, đánh giá thủ tục hành chính năm 2026',
    year: 2026,
    planReference: '45/KH-STC',
    deadline: '2026-06-30',
    scopes: [examplePricing],
  },
});

export const procedureEvaluated = reviewEvent({
  name: 'motcua.review.procedure-evaluated',
  version: 1,
  summary:
    'A procedure in scope was evaluated on the four criteria: necessity, reasonableness, legality and compliance cost.',
  schema: base.extend({
    procedureCode,
    procedureVersion: z.int().positive(),
    domainCode,
    evaluatedByUnitCode: unitCode,
    criteria: z.object({
      necessity: criterionSchema,
      reasonableness: criterionSchema,
      legality: criterionSchema,
      complianceCost: criterionSchema,
    }),
    conclusion: z.enum(['keep', 'simplify', 'amend', 'replace', 'abolish']),
  }),
  example: {
    campaignId: exampleCampaignId,
    occurredAt: '2026-04-10T10:15:00+07:00',
    procedureCode: '1.005432',
    procedureVersion: 1,
    domainCode: 'QLG',
    evaluatedByUnitCode: 'P.QLG',
    criteria: {
      necessity: { assessment: 'meets', findings: [] },
      reasonableness: {
        assessment: 'partially_meets',
        findings: ['Yêu cầu nộp bản sao chứng thực không cần thiết'],
      },
      legality: { assessment: 'meets', findings: [] },
      complianceCost: {
        assessment: 'partially_meets',
        findings: ['Chi phí đi lại cao với hồ sơ giấy'],
      },
    },
    conclusion: 'simplify',
  },
});

/** Checks the Art. 27 arithmetic of a proposal, so every consumer can trust the figures. */
function costIsConsistent(cost: ComplianceCost): boolean {
  return (
    cost.costPerExecutionVnd === cost.workCostVnd + cost.feesVnd &&
    Math.abs(
      cost.annualCostVnd - cost.costPerExecutionVnd * cost.timesPerYear * cost.subjectsPerYear,
    ) <= 1
  );
}

export const simplificationProposed = reviewEvent({
  name: 'motcua.review.simplification-proposed',
  version: 1,
  summary:
    'A simplification of a procedure was proposed, with its compliance cost now and after (Circular 02/2017 Art. 27), the annual saving and the cuts in documents, steps and days.',
  schema: base
    .extend({
      proposalId: uuid,
      procedureCode,
      procedureVersion: z.int().positive(),
      proposals: z.array(freeText).min(1),
      cuts: z.object({
        documentsRemoved: z.int().min(0),
        stepsRemoved: z.int().min(0),
        daysReduced: z.number().min(0),
        /** The unit of the procedure's time limit (the cut is in that unit). */
        daysUnit: timeLimitUnit,
      }),
      complianceCost: z.object({
        current: complianceCostSchema,
        proposed: complianceCostSchema,
        /** current.annualCostVnd − proposed.annualCostVnd. */
        savingVnd: amountVnd,
        /** savingVnd / current.annualCostVnd × 100, two decimals. */
        savingPercent: z.number().max(100),
      }),
    })
    .refine(
      ({ complianceCost: c }) =>
        costIsConsistent(c.current) &&
        costIsConsistent(c.proposed) &&
        c.savingVnd === c.current.annualCostVnd - c.proposed.annualCostVnd &&
        (c.current.annualCostVnd === 0 ||
          Math.abs(c.savingPercent - (c.savingVnd / c.current.annualCostVnd) * 100) <= 0.01),
      {
        message: 'compliance cost figures are inconsistent (Circular 02/2017 Art. 27)',
        path: ['complianceCost'],
      },
    ),
  example: {
    campaignId: exampleCampaignId,
    occurredAt: '2026-05-20T14:00:00+07:00',
    proposalId: 'a3c1e7f4-2b6d-4d8e-9f10-6c2b7e5a9d31',
    procedureCode: '1.005432',
    procedureVersion: 1,
    proposals: [
      'Bỏ yêu cầu bản sao chứng thực; khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
    ],
    cuts: { documentsRemoved: 1, stepsRemoved: 0, daysReduced: 2, daysUnit: 'working_days' },
    complianceCost: {
      current: {
        workCostVnd: 1_000_000,
        feesVnd: 24_000,
        costPerExecutionVnd: 1_024_000,
        timesPerYear: 1,
        subjectsPerYear: 3228,
        annualCostVnd: 3_305_472_000,
      },
      proposed: {
        workCostVnd: 207_000,
        feesVnd: 24_000,
        costPerExecutionVnd: 231_000,
        timesPerYear: 1,
        subjectsPerYear: 3228,
        annualCostVnd: 745_668_000,
      },
      savingVnd: 2_559_804_000,
      savingPercent: 77.44,
    },
  },
});

export const reviewCampaignProgressed = reviewEvent({
  name: 'motcua.review.campaign-progressed',
  version: 1,
  summary: 'Progress of a campaign per domain (procedures evaluated and proposals made so far).',
  schema: base.extend({
    asOf: isoDateTime,
    domains: z
      .array(
        z.object({
          domainCode,
          inScope: z.int().min(0),
          evaluated: z.int().min(0),
          proposals: z.int().min(0),
          deadline: isoDate,
        }),
      )
      .min(1),
  }),
  example: {
    campaignId: exampleCampaignId,
    occurredAt: '2026-05-31T17:00:00+07:00',
    asOf: '2026-05-31T17:00:00+07:00',
    domains: [
      { domainCode: 'QLG', inScope: 1, evaluated: 1, proposals: 1, deadline: '2026-06-30' },
    ],
  },
});

export const reviewCampaignClosed = reviewEvent({
  name: 'motcua.review.campaign-closed',
  version: 1,
  summary:
    'A campaign was closed with its totals and the annual compliance-cost saving of all its proposals.',
  schema: base.extend({
    evaluated: z.int().min(0),
    proposals: z.int().min(0),
    totalSavingVnd: amountVnd,
    reportReference: z.string().min(1).optional(),
    lateDomains: z.array(domainCode),
  }),
  example: {
    campaignId: exampleCampaignId,
    occurredAt: '2026-06-30T16:30:00+07:00',
    evaluated: 1,
    proposals: 1,
    totalSavingVnd: 2_559_804_000,
    reportReference: '120/BC-STC',
    lateDomains: [],
  },
});

export const REVIEW_EVENTS = [
  reviewCampaignOpened,
  procedureEvaluated,
  simplificationProposed,
  reviewCampaignProgressed,
  reviewCampaignClosed,
] as const;
