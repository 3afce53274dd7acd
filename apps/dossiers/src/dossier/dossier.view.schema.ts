import { z } from 'zod';
import { dossierDocumentSchema, timeLimit } from '@motcua/contracts';

/**
 * The dossier view (dossier.view.ts) as the OpenAPI documents it and RESPONSE_SCHEMA_CHECK checks
 * it (ADR 0031): intake, GET /dossiers/{id} and every action answer with it.
 */
const instant = z.iso.datetime();
const stepView = z.strictObject({
  order: z.int(),
  name: z.string(),
  unitCode: z.string(),
  dueAt: instant,
  status: z.string(),
  assigneeId: z.string().nullable(),
  completedAt: instant.nullable(),
});
const stageView = z.strictObject({
  order: z.int(),
  agencyCode: z.string(),
  agencyName: z.string(),
  external: z.boolean(),
  share: z.number(),
  status: z.string(),
  startedAt: instant.nullable(),
  legalDueAt: instant.nullable(),
  promisedDueAt: instant.nullable(),
  transferredAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  handedBackAt: instant.nullable(),
  workingHoursTaken: z.number().nullable(),
  suspendedHours: z.number(),
  onTime: z.boolean().nullable(),
  /** The agency's own internal steps of the stage (ADR 0030); [] for an external stage. */
  steps: z.array(
    z.strictObject({
      order: z.int(),
      name: z.string(),
      unitCode: z.string().nullable(),
      unitName: z.string().nullable(),
      share: z.number(),
      status: z.enum(['pending', 'active', 'completed']),
      dueAt: instant.nullable(),
      assigneeId: z.string().nullable(),
      startedAt: instant.nullable(),
      completedAt: instant.nullable(),
    }),
  ),
});
const missingItem = z.strictObject({
  documentCode: z.string().optional(),
  description: z.string(),
});

export const dossierViewSchema = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  procedure: z.strictObject({ code: z.string(), version: z.int() }),
  agencyCode: z.string(),
  channel: z.enum(['in_person', 'online', 'postal']),
  applicantType: z.enum(['citizen', 'business', 'state_body', 'organisation']),
  status: z.enum([
    'received',
    'processing',
    'supplement_requested',
    'intake_supplement',
    'not_received',
    'refused',
    'processed',
    'result_returned',
    'withdrawn',
    'stopped',
  ]),
  portalStatus: z.int().min(1).max(10),
  receivedAt: instant,
  appointmentDate: z.iso.date().nullable().describe('Ngày hẹn trả in force (local date)'),
  dueAt: instant.nullable(),
  originalDueAt: instant.nullable(),
  legalDueAt: instant
    .nullable()
    .describe('Hạn giải quyết theo quy định: what on time is judged against'),
  receivingAgencyCode: z.string().nullable(),
  forwardedAt: instant.nullable(),
  resultReturnPlace: z.string().nullable(),
  calendarVersion: z.string(),
  timeLimit,
  documents: z.array(dossierDocumentSchema),
  missing: z.array(missingItem).optional(),
  supplementOutstanding: z.array(missingItem.extend({ item: z.int().positive() })).optional(),
  refusalReasons: z.array(z.string()).optional(),
  currentStepOrder: z.int().nullable(),
  extensionCount: z.int(),
  onTime: z.enum(['on_time', 'late', 'in_time', 'overdue', 'not_applicable']),
  isDemo: z.literal(true).optional(),
  steps: z.array(stepView),
  stages: z.array(stageView).optional(),
  allowedActions: z.array(z.string()).optional().describe('The actions the caller may run now'),
  lookupSecret: z
    .string()
    .optional()
    .describe('Only in the intake answer: the secret of the public lookup'),
});
