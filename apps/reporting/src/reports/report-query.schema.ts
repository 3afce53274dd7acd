import { z } from 'zod';

export const reportQuerySchema = z
  .object({
    kind: z.enum(['quarterly', 'yearly']),
    year: z.coerce.number().int().min(2000).max(2100),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    agency: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be an agency code')
      .optional(),
    format: z.enum(['pdf', 'xlsx']).default('pdf'),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'quarterly' && !q.quarter)
      ctx.addIssue({
        code: 'custom',
        path: ['quarter'],
        message: 'is required for a quarterly report',
      });
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;
