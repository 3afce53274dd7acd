import { z } from 'zod';
import { agencyCode, isoDate } from '@motcua/contracts';

export const ratesQuery = z
  .object({ agencyCode: agencyCode.optional(), from: isoDate, to: isoDate })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type RatesQuery = z.infer<typeof ratesQuery>;
