import { z } from 'zod';
import { agencyCode, domainCode, onlineLevel, procedureLevel } from '@motcua/contracts';

export const searchQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Full text, with or without diacritics'),
  code: z
    .string()
    .regex(/^[\d.]{1,8}$/, 'must be a procedure code or its beginning')
    .optional(),
  domain: domainCode.optional(),
  agency: agencyCode.optional(),
  level: procedureLevel.optional(),
  onlineLevel: onlineLevel.optional(),
  status: z.enum(['in_force', 'abolished']).default('in_force'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
