import { z } from 'zod';
import { applicantType, channel, freeText, isoDateTime, procedureCode } from '@motcua/contracts';

/** Số định danh cá nhân (CCCD): 12 digits; spaces, dots and dashes between digits are tolerated. */
const personalId = z
  .string()
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, 'must be a 12-digit personal identification number (CCCD)'));

const documentCode = z.string().min(1).max(32);

/** POST /dossiers: an application at the desk (in person, postal) or online. */
export const intakeRequestSchema = z
  .strictObject({
    procedureCode,
    channel,
    applicant: z.strictObject({
      type: applicantType,
      /** CCCD of the applicant or of the organisation's legal representative. */
      personalId,
      name: z.string().trim().min(1).max(200),
      /** Only for business, state body, organisation applicants. */
      organisationName: freeText.max(300).optional(),
    }),
    documents: z
      .array(
        z.strictObject({
          code: documentCode,
          digitized: z.boolean().default(false),
          reused: z.boolean().default(false),
          /**
           * Not scanned at receipt (Circular 03/2025/TT-VPCP Art. 5(2)): only shown (chỉ xuất trình),
           * a verification result or opinion of a participating body, or a secret document.
           * Online dossiers are exempt as a whole (recorded as `online`).
           */
          scanExemption: z.enum(['shown_only', 'participating_body_result', 'secret']).optional(),
        }),
      )
      .max(100),
    /** The desk officer refuses to receive (từ chối tiếp nhận), with reasons (form 03). */
    refusalReasons: z.array(freeText).min(1).max(20).optional(),
    /**
     * Where the applicant gets the result (a dossier received at a desk of another agency,
     * docs/inter-agency.md "Receipt at any desk"): the receiving desk (default), the resolving
     * agency, or by post.
     */
    resultReturnPlace: z.enum(['receiving_desk', 'resolving_agency', 'post']).optional(),
    /** Admin-only backdating for demo data: the dossier is marked demo. */
    receivedAt: isoDateTime.optional(),
  })
  .refine(
    (body) => body.applicant.type !== 'citizen' || body.applicant.organisationName === undefined,
    {
      path: ['applicant', 'organisationName'],
      message: 'organisationName is only for organisation applicants, never for a citizen',
    },
  )
  .refine((body) => new Set(body.documents.map((d) => d.code)).size === body.documents.length, {
    path: ['documents'],
    message: 'each document code may appear once',
  });

export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

/** Idempotency-Key header: 8-128 visible ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8-128 visible ASCII characters');
