import { z } from 'zod';
import {
  actorSchema,
  agencyCode,
  freeText,
  isoDate,
  isoDateTime,
  label,
  organisationName,
  safeCode,
  timeLimit,
} from './common.schemas';
import { dossierEvent, noCitizenName, noCitizenNameIssue } from './dossier-event';
import {
  dossierDocumentSchema,
  dossierFactsSchema,
  dossierStepSchema,
  exampleDossierFacts as facts,
} from './dossier.schemas';

/**
 * Dossier lifecycle at the one-stop desk (Decree 61/2018 baseline), topic `dossiers.dossier.v1`,
 * key = dossierId. Outcomes (refused ... stopped) are in dossier-outcome.events.ts, deadline
 * warnings in dossier-deadline.events.ts.
 */

const { receivedAt: _receivedAt, dueDate: _dueDate, ...registeredFacts } = facts;
const exampleDocuments = [
  { code: 'BDKG', digitized: true, reused: false },
  { code: 'GPKD', digitized: false, reused: true },
];

export const dossierSubmitted = dossierEvent({
  name: 'motcua.dossier.submitted',
  version: 1,
  summary:
    'An online or postal application was registered and awaits the desk check (portal status 1, newly registered).',
  schema: dossierFactsSchema
    .extend({
      portalStatus: z.literal(1),
      submittedAt: isoDateTime,
      /** Display name of an organisation applicant; never set for a citizen. */
      organisationName: organisationName.optional(),
      documents: z.array(dossierDocumentSchema),
    })
    .refine(noCitizenName, noCitizenNameIssue),
  example: {
    ...registeredFacts,
    portalStatus: 1,
    occurredAt: '2026-11-29T21:12:00+07:00',
    submittedAt: '2026-11-29T21:12:00+07:00',
    organisationName: 'Công ty TNHH Thương mại Hùng Vương',
    documents: exampleDocuments,
  },
});

export const dossierReceived = dossierEvent({
  name: 'motcua.dossier.received',
  version: 1,
  summary:
    'The desk received a complete dossier (portal status 2): receipt slip, appointment date, documents with their digitized/reused flags and the internal workflow with step due dates.',
  schema: dossierFactsSchema
    .extend({
      portalStatus: z.literal(2),
      receivedAt: isoDateTime,
      dueDate: isoDateTime,
      /** Display name of an organisation applicant; never set for a citizen. */
      organisationName: organisationName.optional(),
      receivedBy: actorSchema,
      documents: z.array(dossierDocumentSchema).min(1),
      timeLimit,
      /** Version of the working-day calendar the due dates were computed with. */
      calendarVersion: safeCode,
      workflow: z.array(dossierStepSchema).min(1),
      /** Applicant data taken from the national population database instead of paper. */
      populationDataUsed: z.boolean(),
      /**
       * Receipt at any desk (docs/inter-agency.md): the agency whose desk received the dossier when
       * it is not the resolving agency (`agencyCode`); absent when the resolving agency's own desk
       * or a centre acting for it received it, or when it came online.
       */
      receivingAgencyCode: agencyCode.optional(),
      /** The receiving desk does not act for the resolving agency: it forwarded the dossier there. */
      forwarded: z.boolean().optional(),
      /** Where the applicant chose to get the result. */
      resultReturnPlace: z.enum(['receiving_desk', 'resolving_agency', 'post']).optional(),
    })
    .refine(noCitizenName, noCitizenNameIssue),
  example: {
    ...facts,
    portalStatus: 2,
    occurredAt: '2026-11-30T08:30:00+07:00',
    receivedAt: '2026-11-30T08:30:00+07:00',
    dueDate: '2026-12-07T11:30:00+07:00',
    organisationName: 'Công ty TNHH Thương mại Hùng Vương',
    receivedBy: { unitCode: 'VP.MC', officerId: 'c0a8012e-5b7d-4f3a-9e21-7d6c5b4a3f20' },
    documents: exampleDocuments,
    timeLimit: { value: 5, unit: 'working_days' },
    calendarVersion: '2026.2',
    workflow: [
      { order: 1, name: 'Tiếp nhận', unitCode: 'VP.MC', dueDate: '2026-11-30T17:00:00+07:00' },
      { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', dueDate: '2026-12-04T17:00:00+07:00' },
      { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', dueDate: '2026-12-07T11:30:00+07:00' },
    ],
    populationDataUsed: false,
  },
});

export const dossierSupplementRequested = dossierEvent({
  name: 'motcua.dossier.supplement-requested',
  version: 1,
  summary:
    'A supplement request slip (form 02) listing everything missing was issued (portal status 5); during processing the time limit is suspended until the complete supplement arrives.',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(5),
    supplementRequestedAt: isoDateTime,
    stage: z.enum(['intake', 'processing']),
    /** The request is caused by the applicant's own fault (e.g. a false declaration): not counted by index 3 of the 2018 evaluation. */
    applicantFault: z.boolean().optional(),
    /** Why the officer found the applicant at fault (with `applicantFault: true`). */
    applicantFaultReason: freeText.optional(),
    requestedBy: actorSchema,
    missing: z.array(z.object({ documentCode: safeCode.optional(), description: freeText })).min(1),
    /** The applicant should supplement by this date (informative). */
    respondBy: isoDate.optional(),
    /**
     * Liên thông: the agency of the chain that asked, from its running stage (its clock restarts
     * on completion, the other running stages pause; docs/adr/0022). Absent: the resolving agency
     * or the receiving desk asked for the whole dossier (every running stage restarts).
     */
    askedByAgencyCode: agencyCode.optional(),
  }),
  example: {
    ...facts,
    portalStatus: 5,
    occurredAt: '2026-12-01T10:00:00+07:00',
    supplementRequestedAt: '2026-12-01T10:00:00+07:00',
    stage: 'processing',
    requestedBy: { unitCode: 'P.QLG' },
    missing: [
      {
        documentCode: 'BDKG',
        description: 'Biểu mẫu đăng ký giá thiếu chữ ký người đại diện theo pháp luật',
      },
    ],
  },
});

export const dossierResumed = dossierEvent({
  name: 'motcua.dossier.resumed',
  version: 1,
  summary:
    'The last awaited item of the supplement arrived (every requested item, cumulatively); the time limit restarts from zero with a new legal due date, promised date and step due dates (portal status 4).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    supplementReceivedAt: isoDateTime,
    dueDate: isoDateTime,
    calendarVersion: safeCode,
    workflow: z.array(dossierStepSchema).min(1),
    documents: z.array(dossierDocumentSchema),
    /**
     * Liên thông: the clock of each stage running when the supplement was asked, after it
     * (docs/adr/0022): `restarted` (its share again from now) or `paused` (moved by the office
     * hours waited), its new legal due date and the office hours it has waited so far. Absent for
     * a dossier without running stages.
     */
    stageClocks: z
      .array(
        z.object({
          order: z.int().positive(),
          agencyCode,
          clock: z.enum(['restarted', 'paused']),
          stageLegalDueDate: isoDateTime,
          suspendedWorkingHours: z.number().min(0),
        }),
      )
      .optional(),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-02T09:00:00+07:00',
    supplementRequestedAt: '2026-12-01T10:00:00+07:00',
    supplementReceivedAt: '2026-12-02T09:00:00+07:00',
    dueDate: '2026-12-09T09:00:00+07:00',
    calendarVersion: '2026.2',
    workflow: [
      { order: 2, name: 'Thẩm định', unitCode: 'P.QLG', dueDate: '2026-12-08T09:00:00+07:00' },
      { order: 3, name: 'Trả kết quả', unitCode: 'VP.MC', dueDate: '2026-12-09T09:00:00+07:00' },
    ],
    documents: [{ code: 'BDKG', digitized: true, reused: false }],
  },
});

export const dossierSupplementPartiallyReceived = dossierEvent({
  name: 'motcua.dossier.supplement-partially-received',
  version: 1,
  summary:
    'Part of a requested supplement arrived: it is recorded, the time limit stays suspended and the dossier keeps waiting for the items still outstanding (portal status 5). The clock restarts only with `resumed`, once every requested item has arrived.',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(5),
    supplementRequestedAt: isoDateTime,
    supplementReceivedAt: isoDateTime,
    /** Every document of the dossier after this arrival. */
    documents: z.array(dossierDocumentSchema),
    /** Requested items met by this arrival (numbered from 1 in the order of the request). */
    met: z.array(
      z.object({
        item: z.int().positive(),
        documentCode: safeCode.optional(),
        description: freeText,
      }),
    ),
    /** Requested items still awaited. */
    outstanding: z
      .array(
        z.object({
          item: z.int().positive(),
          documentCode: safeCode.optional(),
          description: freeText,
        }),
      )
      .min(1),
  }),
  example: {
    ...facts,
    portalStatus: 5,
    occurredAt: '2026-12-02T09:00:00+07:00',
    supplementRequestedAt: '2026-12-01T10:00:00+07:00',
    supplementReceivedAt: '2026-12-02T09:00:00+07:00',
    documents: [
      { code: 'BDKG', digitized: true, reused: false },
      { code: 'GPKD', digitized: false, reused: true },
    ],
    met: [
      {
        item: 1,
        documentCode: 'BDKG',
        description: 'Biểu mẫu đăng ký giá có chữ ký người đại diện',
      },
    ],
    outstanding: [
      {
        item: 2,
        documentCode: 'GPKD',
        description: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
      },
    ],
  },
});

export const dossierTransferred = dossierEvent({
  name: 'motcua.dossier.transferred',
  version: 1,
  summary:
    'The dossier moved to the next step, in another unit or to another officer (portal status 4).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    from: actorSchema,
    to: actorSchema,
    stepOrder: z.int().positive(),
    stepDueDate: isoDateTime,
    mode: z.enum(['electronic', 'paper']),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-11-30T08:45:00+07:00',
    from: { unitCode: 'VP.MC' },
    to: { unitCode: 'P.QLG', officerId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' },
    stepOrder: 2,
    stepDueDate: '2026-12-04T17:00:00+07:00',
    mode: 'electronic',
  },
});

export const dossierStepCompleted = dossierEvent({
  name: 'motcua.dossier.step-completed',
  version: 1,
  summary: 'A workflow step was completed by its unit (portal status 4 while later steps remain).',
  schema: dossierFactsSchema.extend({
    stepOrder: z.int().positive(),
    stepName: label,
    completedBy: actorSchema,
    stepDueDate: isoDateTime,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-03T15:20:00+07:00',
    stepOrder: 2,
    stepName: 'Thẩm định',
    completedBy: { unitCode: 'P.QLG' },
    stepDueDate: '2026-12-04T17:00:00+07:00',
  },
});

export const dossierExtended = dossierEvent({
  name: 'motcua.dossier.extended',
  version: 1,
  summary:
    'The unit apologised and set a new due date (form 04, at least one day before the due date; at most once) (portal status 4).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    previousDueDate: isoDateTime,
    dueDate: isoDateTime,
    reason: freeText,
    apologyIssuedBy: actorSchema,
    apologySlipNumber: safeCode.optional(),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-04T09:00:00+07:00',
    previousDueDate: '2026-12-07T11:30:00+07:00',
    dueDate: '2026-12-10T16:00:00+07:00',
    reason: 'Cần xin ý kiến Sở Công Thương về mặt hàng đăng ký giá',
    apologyIssuedBy: { unitCode: 'P.QLG' },
    apologySlipNumber: '04/2026/PXL-STC',
  },
});

export const dossierPaymentRequested = dossierEvent({
  name: 'motcua.dossier.payment-requested',
  version: 1,
  summary:
    'The applicant was asked to fulfil a financial obligation: fees, charges or taxes (portal status 6).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(6),
    items: z
      .array(
        z.object({
          kind: z.enum(['fee', 'charge', 'tax', 'other']),
          name: label,
          amountVnd: z.int().min(0),
        }),
      )
      .min(1),
    payBy: isoDate.optional(),
  }),
  example: {
    ...facts,
    portalStatus: 6,
    occurredAt: '2026-11-30T08:40:00+07:00',
    items: [{ kind: 'charge', name: 'Lệ phí thẩm định', amountVnd: 500_000 }],
  },
});

export const dossierFeePaid = dossierEvent({
  name: 'motcua.dossier.fee-paid',
  version: 1,
  summary:
    'A financial obligation was paid; `online` counts for the online-payment index of Decision 766.',
  schema: dossierFactsSchema.extend({
    amountVnd: z.int().min(0),
    method: z.enum(['online', 'desk', 'bank_transfer', 'postal']),
    paidAt: isoDateTime,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-11-30T09:05:00+07:00',
    amountVnd: 500_000,
    method: 'online',
    paidAt: '2026-11-30T09:04:31+07:00',
  },
});

export const DOSSIER_PROGRESS_EVENTS = [
  dossierSubmitted,
  dossierReceived,
  dossierSupplementRequested,
  dossierResumed,
  dossierSupplementPartiallyReceived,
  dossierTransferred,
  dossierStepCompleted,
  dossierExtended,
  dossierPaymentRequested,
  dossierFeePaid,
] as const;
