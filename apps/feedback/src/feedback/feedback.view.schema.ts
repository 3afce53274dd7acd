import { z } from 'zod';

/** What a feedback item is about (nội dung phản ánh, kiến nghị về …). */
export const feedbackSubjectSchema = z.strictObject({
  kind: z.string(),
  procedureCode: z.string().nullable(),
  procedureName: z.string().nullable(),
  domainCode: z.string().nullable(),
  regulation: z.string().nullable(),
  unit: z.string().nullable(),
});

/**
 * The feedback view (feedback.view.ts) as the OpenAPI documents it and RESPONSE_SCHEMA_CHECK checks
 * it (ADR 0031): lists, the handling view, every action and the intake answer use it.
 */
export const feedbackViewSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  status: z.string(),
  channel: z.string(),
  senderType: z.string(),
  anonymous: z.boolean(),
  contact: z
    .strictObject({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  subject: feedbackSubjectSchema,
  title: z.string(),
  content: z.string(),
  attachments: z.array(
    z.strictObject({
      documentId: z.string(),
    }),
  ),
  receivedAt: z.string(),
  dueDates: z.strictObject({
    classifyBy: z.string(),
    firstInfoRequestBy: z.string(),
    forwardBy: z.string().nullable(),
    answerBy: z.string(),
    publishBy: z.string().nullable(),
  }),
  policyId: z.string(),
  calendarVersion: z.string(),
  currentDeadline: z
    .strictObject({
      stage: z.string(),
      deadline: z.string().nullable(),
      overdue: z.boolean(),
    })
    .nullable(),
  responsibleUnit: z.string(),
  category: z.string().nullable(),
  classificationReason: z.string().nullable(),
  forwardedTo: z
    .strictObject({
      agencyCode: z.string().nullable(),
      agencyName: z.string(),
      forwardedAt: z.string().nullable(),
    })
    .nullable(),
  assignee: z
    .strictObject({
      unitCode: z.string(),
      officerId: z.string().nullable(),
    })
    .nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
  ratedAt: z.string().nullable(),
});
