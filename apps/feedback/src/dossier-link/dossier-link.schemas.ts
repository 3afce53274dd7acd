import { z } from 'zod';
import { dossierCode, reasonText, uuid } from '@motcua/contracts';

/**
 * An officer finds a feedback item to be about a dossier (PAKN về hồ sơ): the dossier's code, whether
 * it complains of an officer's harassment or misconduct (nhũng nhiễu, gây phiền hà), and where the
 * verification of that complaint stands. Sent again when the verification concludes (latest wins).
 */
export const dossierLinkBodySchema = z.strictObject({
  dossierCode,
  conduct: z.boolean(),
  verification: z.enum(['pending', 'confirmed', 'untrue']).default('pending'),
  /** The earlier feedback item this one complains about again (phản ánh lại). */
  repeatOf: uuid.optional(),
  reason: reasonText.optional(),
});
export type DossierLinkBody = z.infer<typeof dossierLinkBodySchema>;
