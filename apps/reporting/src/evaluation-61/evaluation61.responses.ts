import { z } from 'zod';

// What GET /evaluation-61 answers in JSON (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

const policy = z.strictObject({
  version: z.string(),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  maxPerIndex: z.number(),
  feedback: z.strictObject({ two: z.number(), one: z.number() }),
  online: z.strictObject({
    procedureShare: z.number(),
    dossierShareTwo: z.number(),
    dossierShareOne: z.number(),
  }),
  indices: z.array(
    z.strictObject({
      number: z.int(),
      code: z.string(),
      label: z.string(),
      scope: z.enum(['dossier', 'agency']),
      rule: z.string(),
      missing: z.string().optional(),
      approximation: z.string().optional(),
    }),
  ),
  bands: z.array(
    z.strictObject({
      code: z.enum(['excellent', 'good', 'fair', 'average', 'weak']),
      label: z.string(),
      from: z.number().nullable().describe('null: no lower bound'),
    }),
  ),
});

export const evaluation61Response = z.strictObject({
  generation: z.number(),
  period: z.strictObject({
    kind: z.enum(['day', 'month', 'quarter', 'year', 'range']),
    from: z.string(),
    to: z.string(),
  }),
  filters: z.strictObject({
    agency: z.string().optional(),
    unit: z.string().optional(),
    domain: z.string().optional(),
    procedure: z.string().optional(),
  }),
  groupBy: z.enum(['agency']).nullable(),
  applies: z.boolean(),
  notAppliedFrom: z.strictObject({
    date: z.string(),
    reason: z.string(),
    dossiersFinishedInPeriod: z.number(),
  }),
  groups: z.array(
    z.strictObject({
      key: z.string().nullable(),
      lastEventAt: z.string().nullable(),
      policy: z.strictObject({
        version: z.string(),
        legalBasis: z.string(),
        effectiveFrom: z.string(),
        effectiveTo: z.string(),
      }),
      sampleSize: z.number(),
      indices: z.array(
        z.strictObject({
          number: z.number(),
          code: z.enum([
            'total_time',
            'agency_time',
            'contacts',
            'agencies_contacted',
            'one_stop_desk',
            'publication',
            'officer_attitude',
            'feedback_handling',
            'online_service',
          ]),
          label: z.string(),
          scope: z.enum(['agency', 'dossier']),
          rule: z.string(),
          status: z.enum(['computed', 'no_data', 'not_available']),
          average: z.number().nullable(),
          sampleSize: z.number(),
          approximation: z.string().optional(),
          reason: z.string().optional(),
        }),
      ),
      computedIndices: z.array(z.number()),
      points: z.number().nullable(),
      band: z
        .strictObject({
          code: z.enum(['excellent', 'good', 'fair', 'average', 'weak']),
          label: z.string(),
          from: z.number(),
        })
        .nullable(),
      ratingWithheld: z.string().nullable(),
    }),
  ),
  notes: z.array(z.string()),
  policy,
});
