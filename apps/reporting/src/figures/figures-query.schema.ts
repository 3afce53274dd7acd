import { z } from 'zod';
import { agencyCode, domainCode, procedureCode, unitCode } from '@motcua/contracts';

/** Each filter is the code with the format its events carry (agency per QCVN 102, procedure 1.xxxxxx…). */
const isoDay = z.iso.date();

export const GROUP_BY = [
  'agency',
  'unit',
  'domain',
  'procedure',
  'channel',
  'day',
  'month',
  'quarter',
  'year',
] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** A range needs both ends, in order, at most five years apart. */
export function checkPeriod(
  q: { period: string; from?: string; to?: string },
  ctx: z.RefinementCtx,
): void {
  if (q.period !== 'range') return;
  if (!q.from)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required when period is range' });
  if (!q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required when period is range' });
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 5 * 366 * 86400000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'a range may span at most 5 years' });
  }
}

/** Filters shared by every figure endpoint. */
export const figuresQuerySchema = z
  .object({
    agency: agencyCode.optional(),
    unit: unitCode.optional(),
    domain: domainCode.optional(),
    procedure: procedureCode.optional(),
    period: z.enum(['day', 'month', 'quarter', 'year', 'range']).default('month'),
    date: isoDay.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    groupBy: z.enum(GROUP_BY).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .superRefine(checkPeriod);
export type FiguresQuery = z.infer<typeof figuresQuerySchema>;

/** The Decree 61 evaluation: the figure filters, grouped by agency or not at all. */
export const evaluationQuerySchema = z
  .object({
    agency: agencyCode.optional(),
    unit: unitCode.optional(),
    domain: domainCode.optional(),
    procedure: procedureCode.optional(),
    period: z.enum(['day', 'month', 'quarter', 'year', 'range']).default('quarter'),
    date: isoDay.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    groupBy: z.enum(['agency']).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .superRefine(checkPeriod);
export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

export const overdueQuerySchema = z.object({
  agency: agencyCode.optional(),
  unit: unitCode.optional(),
  domain: domainCode.optional(),
  procedure: procedureCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'csv']).default('json'),
});
export type OverdueQuery = z.infer<typeof overdueQuerySchema>;

/** The unfinished inter-agency dossiers and where they wait (the dashboard's một cửa liên thông panel). */
export const interAgencyQuerySchema = z.object({
  agency: agencyCode.optional(),
  domain: domainCode.optional(),
  procedure: procedureCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type InterAgencyQuery = z.infer<typeof interAgencyQuerySchema>;
