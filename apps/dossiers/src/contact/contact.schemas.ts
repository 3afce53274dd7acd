import { z } from 'zod';
import { isoDateTime, labelText } from '@motcua/contracts';

/**
 * A contact the applicant had to make with a body to complete the dossier (liên hệ với cơ quan, đơn vị
 * để hoàn thiện hồ sơ), recorded by an officer: the one-stop desk or another body; `legallyRequired` for a
 * body the law makes the applicant attend (site check, appraisal council), which index 4 does not count.
 */
export const contactBodySchema = z.strictObject({
  body: z.enum(['one_stop_desk', 'other_body']),
  bodyName: labelText,
  legallyRequired: z.boolean().default(false),
  /** When the contact took place; the server's time when absent. */
  contactedAt: isoDateTime.optional(),
});
export type ContactBody = z.infer<typeof contactBodySchema>;
