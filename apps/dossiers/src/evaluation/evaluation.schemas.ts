import { z } from 'zod';
import {
  agenciesContactedAnswer,
  dossierSatisfaction,
  isoDateTime,
  publicationAnswer,
} from '@motcua/contracts';

/**
 * The applicant's evaluation of a dossier (đánh giá của người nộp hồ sơ): satisfaction, the officer's conduct
 * and the answers for the evaluation's indices 4 and 6. A desk officer entering a paper form gives the date on
 * the form (`evaluatedAt`); an online evaluation is dated by the server.
 */
export const evaluationBodySchema = z.strictObject({
  satisfaction: dossierSatisfaction,
  officerConduct: z.enum(['proper', 'harassment']),
  agenciesContacted: agenciesContactedAnswer.optional(),
  publication: publicationAnswer.optional(),
  evaluatedAt: isoDateTime.optional(),
});
export type EvaluationBody = z.infer<typeof evaluationBodySchema>;
