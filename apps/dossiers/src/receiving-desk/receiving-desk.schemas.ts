import { z } from 'zod';
import { isoDateTime } from '@motcua/contracts';

/** GET /receiving-desk/dossiers: a centre's forwarded dossiers, newest receipt first, paged by limit/offset. */
export const forwardedQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be a dossier status')
    .optional(),
  receivedFrom: isoDateTime.optional(),
  receivedTo: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ForwardedQuery = z.infer<typeof forwardedQuery>;
