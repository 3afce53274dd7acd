import { z } from 'zod';
import { reviewScopeSchema } from '@motcua/contracts';
import { FIGURE_NAMES, type FigureName } from './figure-catalog';

const figureName = z.enum(FIGURE_NAMES as [FigureName, ...FigureName[]]);

// What each route of figures.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

/** A running stage of an inter-agency dossier: the agency holding it (đang giải quyết). */
const heldStage = z.strictObject({
  order: z.number(),
  agencyCode: z.string(),
  agencyName: z.string(),
  status: z.string(),
  since: z.string(),
  stageDueDate: z.string().nullable(),
  late: z.boolean(),
});

export const interAgencyDossiersResponse = z.strictObject({
  waitingAt: z.array(
    z.strictObject({
      agencyCode: z.string(),
      agencyName: z.string(),
      dossiers: z.number(),
      late: z.number(),
    }),
  ),
  dossiers: z.array(
    z.strictObject({
      dossierCode: z.string(),
      procedureCode: z.string(),
      agencyCode: z.string(),
      domainCode: z.string(),
      status: z.string(),
      dueDate: z.string().nullable(),
      heldBy: z.array(heldStage),
      stages: z.array(
        z.strictObject({
          order: z.number(),
          agencyCode: z.string(),
          agencyName: z.string(),
          status: z.string(),
          stageDueDate: z.string().nullable(),
          handedBackAt: z.string().nullable(),
          workingHoursTaken: z.number().nullable(),
          onTime: z.boolean().nullable(),
        }),
      ),
    }),
  ),
  generation: z.number(),
});

export const campaignsResponse = z.strictObject({
  generation: z.number(),
  campaigns: z.array(
    z.strictObject({
      campaignId: z.string(),
      name: z.string(),
      year: z.number(),
      deadline: z.string(),
      // As the catalog published them (catalog.review.v1), kept whole by the projection.
      scopes: z.array(reviewScopeSchema),
      progress: z
        .array(
          z.strictObject({
            domainCode: z.string(),
            inScope: z.number(),
            evaluated: z.number(),
            proposals: z.number(),
            deadline: z.string(),
          }),
        )
        .nullable(),
      progressAsOf: z.string().nullable(),
      evaluatedCount: z.number(),
      proposalCount: z.number(),
      savingVnd: z.string(),
      closedAt: z.string().nullable(),
      lastEventAt: z.string(),
    }),
  ),
});

const period = z.strictObject({
  kind: z.enum(['day', 'month', 'quarter', 'year', 'range']),
  from: z.string(),
  to: z.string(),
});
const filters = z.strictObject({
  agency: z.string().optional(),
  unit: z.string().optional(),
  domain: z.string().optional(),
  procedure: z.string().optional(),
});
/** One figure of one group: value, numerator and denominator of a rate, sample size, cut-off. */
const figureValue = z.strictObject({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  sampleSize: z.int(),
  lastEventAt: z.string().nullable(),
});

/** GET /figures (JSON): every figure per group. */
export const allResponse = z.strictObject({
  generation: z.int(),
  period,
  filters,
  groupBy: z.string().nullable(),
  groups: z.array(
    z.strictObject({
      key: z.string().nullable(),
      figures: z.strictObject(Object.fromEntries(FIGURE_NAMES.map((name) => [name, figureValue]))),
    }),
  ),
  notes: z.array(z.string()),
});

/** GET /figures/{name} (JSON): one figure per group. */
export const oneResponse = z.strictObject({
  generation: z.int(),
  period,
  filters,
  groupBy: z.string().nullable(),
  figure: figureName,
  rows: z.array(figureValue.extend({ key: z.string().nullable(), figure: figureName })),
});

/** GET /figures/overdue (JSON). */
export const overdueResponse = z.strictObject({
  generation: z.number(),
  dossiers: z.array(
    z.strictObject({
      dossierCode: z.string(),
      procedureCode: z.string(),
      agencyCode: z.string(),
      domainCode: z.string(),
      unitCode: z.string().nullable(),
      status: z.string(),
      dueDate: z.string(),
      dossierOverdue: z.boolean(),
      daysLate: z.number(),
      heldBy: z.array(heldStage),
      lateStageAgencyCodes: z.array(z.string()),
    }),
  ),
});
