import { z } from 'zod';
import { applicantKey, codeText, dossierCode, uuid } from '@motcua/contracts';

export const offersQuery = z.object({ applicantKey, documentCode: codeText().optional() });
export type OffersQuery = z.infer<typeof offersQuery>;

export const dossierParam = z.object({ dossierId: uuid });

export const acceptReuseBody = z.object({
  documentCode: codeText(),
  source: z.object({ kind: z.enum(['document', 'result']), id: uuid }),
  /** Needed only while the dossier events have not told this service about the dossier yet. */
  dossierCode: dossierCode.optional(),
  applicantKey: applicantKey.optional(),
});
export type AcceptReuseBody = z.infer<typeof acceptReuseBody>;
