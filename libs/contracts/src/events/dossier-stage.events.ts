import { z } from 'zod';
import { actorSchema, agencyCode, isoDateTime, label, safeCode } from './common.schemas';
import { dossierEvent } from './dossier-event';
import { dossierFactsSchema, exampleDossierFacts as facts } from './dossier.schemas';

/**
 * Một cửa liên thông (docs/dossiers.md "Inter-agency stages"): a dossier of an inter-agency
 * procedure passes through a chain of agencies' stages (topic `dossiers.dossier.v1`, key =
 * dossierId). Stages of one order run in parallel; the next order starts when all of them handed
 * back. Each stage has its own legal due date from its share of the time limit, counted from
 * when the stage started. `agencyCode` of the facts stays the resolving (lead) agency.
 */

/** Which stage of the chain: its order, its agency and whether that agency is outside the system. */
export const dossierStageSchema = z.object({
  order: z.int().positive(),
  agencyCode,
  agencyName: label,
  /** An agency outside the province's system (ministry, national body): its answer is entered by the lead agency. */
  external: z.boolean(),
});

/** The stage's clock: when it started (its order's turn) and its legal due date from its share. */
const stageClock = {
  stage: dossierStageSchema,
  /** When the stage's clock started: receipt for the first order, else when the previous order had all handed back. */
  stageStartedAt: isoDateTime,
  /** Hạn của cơ quan: the stage's share of the time limit from its start (restarted by a complete supplement). */
  stageLegalDueDate: isoDateTime,
};

/** What a stage handed on (a document of the dossier or the agency's own result), by the procedure's codes. */
export const stageHandedOnSchema = z.object({
  kind: z.enum(['document', 'result']),
  code: safeCode,
  name: label,
});

const exampleStage = {
  order: 2,
  agencyCode: '000.00.12.H26',
  agencyName: 'Sở Kế hoạch và Đầu tư',
  external: false,
} as const;

export const dossierStageTransferred = dossierEvent({
  name: 'motcua.dossier.stage-transferred',
  version: 1,
  summary:
    'Liên thông: the dossier was sent to an agency of the next stage of the chain (one event per agency of that order); the stage clock runs from stageStartedAt (portal status 4).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    ...stageClock,
    transferredAt: isoDateTime,
    /** The agency that sent it: the receiving desk's agency, or the agency of the previous stage. */
    fromAgencyCode: agencyCode,
    transferredBy: actorSchema,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-02T09:00:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    transferredAt: '2026-12-02T09:00:00+07:00',
    fromAgencyCode: '000.00.15.H26',
    transferredBy: { unitCode: 'VP.MC' },
  },
});

export const dossierStageAccepted = dossierEvent({
  name: 'motcua.dossier.stage-accepted',
  version: 1,
  summary:
    'Liên thông: the agency of a stage took the dossier it was sent (for an external agency, the lead agency recorded it).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    ...stageClock,
    acceptedAt: isoDateTime,
    acceptedBy: actorSchema,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-02T10:00:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    acceptedAt: '2026-12-02T10:00:00+07:00',
    acceptedBy: { unitCode: 'VP.MC' },
  },
});

export const dossierStageHandedBack = dossierEvent({
  name: 'motcua.dossier.stage-handed-back',
  version: 1,
  summary:
    'Liên thông: the agency of a stage returned its result and documents; the stage ended. Carries the working time the agency took (office hours of working days, supplement time left out) and whether it was on time against its own legal due date (the per-agency figures of reporting).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    ...stageClock,
    stageEndedAt: isoDateTime,
    /** Office hours of working days from stageStartedAt to stageEndedAt, less the time awaiting a supplement. */
    workingHoursTaken: z.number().min(0),
    /** Office hours the stage waited for the applicant's supplement (not counted against the agency). */
    suspendedWorkingHours: z.number().min(0),
    /** stageEndedAt ≤ stageLegalDueDate. */
    onTime: z.boolean(),
    handsOn: z.array(stageHandedOnSchema),
    /** `agency`: an officer of the stage's agency; `lead-entry`: the lead agency entered an external agency's answer. */
    recordedAs: z.enum(['agency', 'lead-entry']),
    handedBackBy: actorSchema,
    /** The order whose stages start now, absent when this order is not finished or was the last. */
    nextOrder: z.int().positive().optional(),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-07T10:00:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    stageEndedAt: '2026-12-07T10:00:00+07:00',
    workingHoursTaken: 27,
    suspendedWorkingHours: 0,
    onTime: false,
    handsOn: [{ kind: 'result', code: 'MST', name: 'Mã số thuế' }],
    recordedAs: 'agency',
    handedBackBy: { unitCode: 'P.DKKD' },
  },
});

export const dossierStageStepCompleted = dossierEvent({
  name: 'motcua.dossier.stage-step-completed',
  version: 1,
  summary:
    'Liên thông: a unit of the stage’s agency completed one of the stage’s internal steps (its own workflow, due dates bounded by the stage’s); the next step is active. The last step ends with the hand-back (portal status 4).',
  schema: dossierFactsSchema.extend({
    portalStatus: z.literal(4),
    ...stageClock,
    stepOrder: z.int().positive(),
    stepName: label,
    /** The agency's unit of the step; absent for a stage published without its own steps. */
    stepUnitCode: safeCode.optional(),
    stepDueDate: isoDateTime,
    completedBy: actorSchema,
    /** The step now active. */
    nextStepOrder: z.int().positive(),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-03T15:00:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    stepOrder: 1,
    stepName: 'Thẩm định hồ sơ',
    stepUnitCode: 'P.DKKD',
    stepDueDate: '2026-12-03T17:00:00+07:00',
    completedBy: { unitCode: 'P.DKKD' },
    nextStepOrder: 2,
  },
});

/**
 * Deadline warnings of a running stage (theo dõi hạn của cơ quan liên thông), raised by the
 * dossiers service's deadline watch once per stage and threshold, like the dossier's own
 * (`motcua.dossier.due-soon` / `overdue`). A stage's new due date (supplement restart, calendar
 * change) is a new deadline and may be warned again; consumers keep the latest per (dossierId,
 * stage.order, stage.agencyCode).
 */
const stageDeadline = {
  ...stageClock,
  /** The unit of the agency whose internal step is active; absent for an external stage or one not yet accepted. */
  responsibleUnitCode: safeCode.optional(),
};

export const dossierStageDueSoon = dossierEvent({
  name: 'motcua.dossier.stage-due-soon',
  version: 1,
  summary:
    'Liên thông: a running stage’s own legal due date falls within the warning window (one working day); it names the agency holding the stage.',
  schema: dossierFactsSchema.extend({
    ...stageDeadline,
    /** Working hours left before the stage's due date, by the calendar in force. */
    workingHoursLeft: z.number().min(0),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-04T08:00:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    responsibleUnitCode: 'P.DKKD',
    workingHoursLeft: 8,
  },
});

export const dossierStageOverdue = dossierEvent({
  name: 'motcua.dossier.stage-overdue',
  version: 1,
  summary:
    'Liên thông: a running stage passed its own legal due date without being handed back; the lateness is that agency’s (the dossier itself may still be on time).',
  schema: dossierFactsSchema.extend({
    ...stageDeadline,
    overdueSince: isoDateTime,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-04T17:01:00+07:00',
    stage: exampleStage,
    stageStartedAt: '2026-12-02T09:00:00+07:00',
    stageLegalDueDate: '2026-12-04T17:00:00+07:00',
    responsibleUnitCode: 'P.DKKD',
    overdueSince: '2026-12-04T17:00:00+07:00',
  },
});

export const DOSSIER_STAGE_EVENTS = [
  dossierStageTransferred,
  dossierStageAccepted,
  dossierStageHandedBack,
  dossierStageStepCompleted,
  dossierStageDueSoon,
  dossierStageOverdue,
] as const;
