import { z } from 'zod';
import {
  applicantType,
  channel,
  codeText,
  dossierDocumentSchema,
  isoDateTime,
  labelText,
  personName,
  procedureCode,
  reasonText,
  requestSchemaOf,
} from '@motcua/contracts';

/** Số định danh cá nhân (CCCD): 12 digits; spaces, dots and dashes between digits are tolerated. */
const personalId = z
  .string()
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, 'must be a 12-digit personal identification number (CCCD)'));

/** A document slot's code as the events carry it (dossierDocumentSchema.code), at most 32 characters. */
const documentCode = codeText(32);

/**
 * A document brought at intake or with a supplement: the event's document with request defaults;
 * `scanExemption` per Circular 03/2025/TT-VPCP Art. 5(2) (`online` is set by the service, never sent).
 */
export const requestDocumentSchema = dossierDocumentSchema
  .extend({
    code: documentCode,
    digitized: z.boolean().default(false),
    reused: z.boolean().default(false),
    scanExemption: dossierDocumentSchema.shape.scanExemption
      .unwrap()
      .exclude(['online'])
      .optional(),
  })
  .strict();

/** POST /dossiers: an application at the desk (in person, postal) or online. */
export const intakeRequestSchema = requestSchemaOf(
  z
    .strictObject({
      procedureCode,
      channel,
      applicant: z.strictObject({
        type: applicantType,
        /** CCCD of the applicant or of the organisation's legal representative. */
        personalId,
        name: personName,
        /** Only for business, state body, organisation applicants. */
        organisationName: labelText.optional(),
      }),
      /** Online dossiers are exempt from scanning as a whole (recorded as `online`). */
      documents: z.array(requestDocumentSchema).max(100),
      /** The desk officer refuses to receive (từ chối tiếp nhận), with reasons (form 03). */
      refusalReasons: z.array(reasonText).min(1).max(20).optional(),
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
    }),
);

export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

/** Idempotency-Key header: 8-128 visible ASCII characters. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,128}$/, 'must be 8-128 visible ASCII characters');
