import { z } from 'zod';

// What each route of review.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const campaignResponse = z.strictObject({
  deadline: z.string(),
  progress: z.strictObject({
    deadline: z.string(),
    inScope: z.number(),
    evaluated: z.number(),
    proposals: z.number(),
    asOf: z.string(),
    daysLeft: z.number(),
    evaluatedPercent: z.number(),
    overdue: z.boolean(),
  }),
  name: z.string(),
  id: z.string(),
  procedureCodes: z.array(z.string()),
  domainCode: z.string(),
  year: z.number(),
  planReference: z.string().nullable(),
  responsibleUnitCode: z.string(),
  responsibleUnitName: z.string(),
  status: z.string(),
  isDemo: z.boolean(),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  reportReference: z.string().nullable(),
});

export const listResponse = z.array(campaignResponse);

const criteria = z.strictObject({
  necessity: z.strictObject({
    assessment: z.enum(['meets', 'partially_meets', 'does_not_meet']),
    findings: z.array(z.string()),
  }),
  reasonableness: z.strictObject({
    assessment: z.enum(['meets', 'partially_meets', 'does_not_meet']),
    findings: z.array(z.string()),
  }),
  legality: z.strictObject({
    assessment: z.enum(['meets', 'partially_meets', 'does_not_meet']),
    findings: z.array(z.string()),
  }),
  complianceCost: z.strictObject({
    assessment: z.enum(['meets', 'partially_meets', 'does_not_meet']),
    findings: z.array(z.string()),
  }),
});

export const evaluateResponse = z.strictObject({
  evaluatedAt: z.string(),
  procedureVersion: z.number(),
  evaluatedBy: z.string(),
  criteria,
  conclusion: z.enum(['replace', 'amend', 'abolish', 'keep', 'simplify']),
  campaignId: z.string(),
  procedureCode: z.string(),
});

export const evaluationsResponse = z.array(
  z.strictObject({
    evaluatedAt: z.string(),
    procedureCode: z.string(),
    procedureVersion: z.number(),
    campaignId: z.string(),
    evaluatedBy: z.string(),
    criteria,
    conclusion: z.string(),
  }),
);

const cuts = z.strictObject({
  documentsRemoved: z.number(),
  stepsRemoved: z.number(),
  daysReduced: z.number(),
  daysUnit: z.enum(['working_days', 'calendar_days', 'working_hours', 'months', 'same_day']),
});
const cost = z.strictObject({
  workCostVnd: z.number(),
  feesVnd: z.number(),
  costPerExecutionVnd: z.number(),
  timesPerYear: z.number(),
  subjectsPerYear: z.number(),
  annualCostVnd: z.number(),
});
const complianceCost = z.strictObject({
  current: cost,
  proposed: cost,
  perExecutionSavingVnd: z.number(),
  perExecutionSavingPercent: z.number(),
  savingVnd: z.number(),
  savingPercent: z.number(),
});

export const proposeResponse = z.strictObject({
  proposalId: z.string(),
  campaignId: z.string(),
  procedureCode: z.string(),
  procedureVersion: z.number(),
  proposals: z.array(z.string()),
  cuts,
  complianceCost,
});

export const proposalsResponse = z.array(
  z.strictObject({
    savingVnd: z.number(),
    proposedAt: z.string(),
    id: z.string(),
    procedureCode: z.string(),
    procedureVersion: z.number(),
    proposals: z.array(z.string()),
    campaignId: z.string(),
    cuts,
    complianceCost,
    savingPercent: z.number(),
  }),
);
