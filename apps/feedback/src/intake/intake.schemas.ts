import { z } from 'zod';
import {
  applicantType,
  boundedText,
  lineText,
  personName,
  procedureCode,
  requestSchemaOf,
  uuid,
} from '@motcua/contracts';

/**
 * The sender's text never reaches an event (only ids and codes do); it is request text (NFC, trimmed,
 * not blank, no control characters, bounded): multi-line where a letter is, one line for names.
 */

const contactSchema = z
  .object({
    name: personName.optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'must be a phone number (8-20 digits)')
      .optional(),
    email: z.email().max(254).optional(),
    address: lineText(500).optional(),
  })
  .strict();

/** About what: a procedure of the local catalog copy, a regulation (legal document), or an official's conduct. */
const subjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('procedure'), procedureCode }).strict(),
  z
    .object({
      kind: z.literal('regulation'),
      regulation: boundedText(500),
      procedureCode: procedureCode.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('conduct'),
      unit: lineText(300),
      procedureCode: procedureCode.optional(),
    })
    .strict(),
]);

/** References to files held by the digitization service (ids only, never the files). */
const attachmentsSchema = z
  .array(z.object({ documentId: uuid }).strict())
  .max(10)
  .default([]);

const common = {
  senderType: applicantType.default('citizen'),
  /** Anonymous feedback is accepted but flagged; it then has no contact. */
  anonymous: z.boolean().default(false),
  contact: contactSchema.optional(),
  subject: subjectSchema,
  title: lineText(300),
  content: boundedText(5000),
  attachments: attachmentsSchema,
};

function contactRule<T extends { anonymous: boolean; contact?: z.infer<typeof contactSchema> }>(
  body: T,
  ctx: z.RefinementCtx,
): void {
  if (body.anonymous && body.contact) {
    ctx.addIssue({
      code: 'custom',
      path: ['contact'],
      message: 'anonymous feedback carries no contact',
    });
  }
  if (!body.anonymous && !body.contact?.phone && !body.contact?.email && !body.contact?.address) {
    ctx.addIssue({
      code: 'custom',
      path: ['contact'],
      message: 'give a phone, e-mail or address, or send anonymously (anonymous: true)',
    });
  }
}

/** Online submission from the portal (POST /public/feedback). */
export const publicIntakeSchema = requestSchemaOf(
  z.object(common).strict().superRefine(contactRule),
);

/**
 * An item forwarded here by the Government Office, a ministry or a province: its refuse,
 * information and processing limits count from the latest forwarding date (docs/legal-rules.md).
 */
const forwardedSchema = z
  .object({
    by: lineText(300),
    latestForwardedAt: z.iso
      .datetime({ offset: true })
      .refine((v) => new Date(v).getTime() <= Date.now(), 'must not be in the future'),
  })
  .strict();

/** Desk entry of letters, phone calls and visits (POST /feedback). */
export const deskIntakeSchema = requestSchemaOf(
  z
    .object({
      ...common,
      channel: z.enum(['written', 'phone', 'in_person', 'online']),
      forwarded: forwardedSchema.optional(),
    })
    .strict()
    .superRefine(contactRule),
);

export type PublicIntakeBody = z.infer<typeof publicIntakeSchema>;
export type DeskIntakeBody = z.infer<typeof deskIntakeSchema>;
export type IntakeBody = PublicIntakeBody & {
  channel: DeskIntakeBody['channel'];
  forwarded?: DeskIntakeBody['forwarded'];
};
