import { z } from 'zod';

// What each route of dossier-evaluation.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const evaluateResponse = z.strictObject({
  satisfaction: z.enum(['very_satisfied', 'satisfied', 'dissatisfied']),
  officerConduct: z.enum(['proper', 'harassment']),
  agenciesContacted: z.enum(['none', 'one_stop_desk_only', 'several']).optional(),
  publication: z
    .enum(['posted_and_electronic', 'posted_or_electronic', 'not_published'])
    .optional(),
  evaluatedAt: z.string(),
  dossierId: z.string(),
  recordedBy: z.string(),
  eventId: z.string(),
});
