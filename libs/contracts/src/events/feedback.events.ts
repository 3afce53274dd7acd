import { z } from 'zod';
import { defineEventFamily } from '../define-event';
import { FEEDBACK_CALENDAR_EVENTS } from './feedback-calendar.events';
import { FEEDBACK_LINK_EVENTS } from './feedback-link.events';
import {
  actorSchema,
  agencyCode,
  applicantKey,
  applicantType,
  domainCode,
  freeText,
  isoDateTime,
  label,
  NO_PERSONAL_ID,
  procedureCode,
  safeCode,
  unitCode,
  uuid,
} from './common.schemas';

/**
 * Phản ánh, kiến nghị (PAKN, Decree 20/2008 as amended): topic `feedback.feedback.v1`, key =
 * feedbackId. Events carry metadata and due dates only, never the text of the feedback: the
 * feedback service serves the content (and the published answer) over HTTP.
 */

const feedbackFacts = z.object({
  feedbackId: uuid,
  /** Human reference shown to the sender, e.g. `PAKN-2026-000123`. */
  feedbackCode: safeCode,
  agencyCode,
  occurredAt: isoDateTime,
});

export const feedbackCategory = z.enum([
  'not_accepted',
  'conduct',
  'within_authority',
  'outside_authority',
]);
export const feedbackStage = z.enum(['classify', 'info_request', 'forward', 'answer', 'publish']);
export const satisfactionLevel = z.enum([
  'very_satisfied',
  'satisfied',
  'acceptable',
  'dissatisfied',
  'very_dissatisfied',
]);

const feedbackEvent = defineEventFamily({
  topic: 'feedback.feedback.v1',
  keyField: 'feedbackId',
  source: '/motcua/feedback',
});

const facts = {
  feedbackId: '3f6b2d8e-1c4a-4e7b-9d2f-8a1b0c9d7e65',
  feedbackCode: 'PAKN-2026-000123',
  agencyCode: '000.00.15.H26',
};

export const feedbackReceived = feedbackEvent({
  name: 'motcua.feedback.received',
  version: 1,
  summary:
    'Feedback on a regulation or on conduct was logged, with the due dates of the national scoring (refuse ≤ 2, first information request ≤ 5, processed ≤ 15 working days).',
  schema: feedbackFacts.extend({
    channel: z.enum(['written', 'phone', 'online', 'in_person']),
    senderType: applicantType,
    /** Hashed identifier of the sender when known (repeat senders), never the identifier. */
    senderKey: applicantKey.optional(),
    procedureCode: procedureCode.optional(),
    domainCode: domainCode.optional(),
    receivedAt: isoDateTime,
    dueDates: z.object({
      classifyBy: isoDateTime,
      firstInfoRequestBy: isoDateTime,
      answerBy: isoDateTime,
    }),
    calendarVersion: safeCode,
  }),
  example: {
    ...facts,
    occurredAt: '2026-11-30T09:00:00+07:00',
    channel: 'online',
    senderType: 'business',
    procedureCode: '1.005432',
    domainCode: 'QLG',
    receivedAt: '2026-11-30T09:00:00+07:00',
    dueDates: {
      classifyBy: '2026-12-02T09:00:00+07:00',
      firstInfoRequestBy: '2026-12-07T09:00:00+07:00',
      answerBy: '2026-12-21T09:00:00+07:00',
    },
    calendarVersion: '2026.2',
  },
});

export const feedbackClassified = feedbackEvent({
  name: 'motcua.feedback.classified',
  version: 1,
  summary:
    'The feedback was classified: not accepted (refused), about conduct, within the agency authority, or outside it (to forward within 5 working days).',
  schema: feedbackFacts.extend({
    category: feedbackCategory,
    reason: freeText.optional(),
    classifiedBy: actorSchema,
    /** Set for outside_authority: forward by this time. */
    forwardBy: isoDateTime.optional(),
    /** Set for conduct and within_authority: answer by this time. */
    answerBy: isoDateTime.optional(),
  }),
  example: {
    ...facts,
    occurredAt: '2026-12-01T10:00:00+07:00',
    category: 'within_authority',
    classifiedBy: { unitCode: 'VP.KSTT' },
    answerBy: '2026-12-21T09:00:00+07:00',
  },
});

export const feedbackForwarded = feedbackEvent({
  name: 'motcua.feedback.forwarded',
  version: 1,
  summary: 'Outside-authority feedback was forwarded to the competent agency.',
  schema: feedbackFacts.extend({
    toAgencyCode: agencyCode.optional(),
    toAgencyName: label,
    forwardBy: isoDateTime,
    forwardedBy: actorSchema,
  }),
  example: {
    ...facts,
    occurredAt: '2026-12-03T15:00:00+07:00',
    toAgencyName: 'Sở Công Thương',
    forwardBy: '2026-12-07T10:00:00+07:00',
    forwardedBy: { unitCode: 'VP.KSTT' },
  },
});

export const feedbackAssigned = feedbackEvent({
  name: 'motcua.feedback.assigned',
  version: 1,
  summary: 'The feedback was assigned to a unit (and officer) to handle, with its answer due date.',
  schema: feedbackFacts.extend({ assignee: actorSchema, answerBy: isoDateTime }),
  example: {
    ...facts,
    occurredAt: '2026-12-01T10:05:00+07:00',
    assignee: { unitCode: 'P.QLG', officerId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' },
    answerBy: '2026-12-21T09:00:00+07:00',
  },
});

export const feedbackInfoRequested = feedbackEvent({
  name: 'motcua.feedback.info-requested',
  version: 1,
  summary:
    'More information was requested from the sender; the first request counts against its ≤ 5 working days limit.',
  schema: feedbackFacts.extend({
    firstRequest: z.boolean(),
    requestedBy: actorSchema,
    dueDate: isoDateTime,
  }),
  example: {
    ...facts,
    occurredAt: '2026-12-02T11:00:00+07:00',
    firstRequest: true,
    requestedBy: { unitCode: 'P.QLG' },
    dueDate: '2026-12-07T09:00:00+07:00',
  },
});

export const feedbackAnswered = feedbackEvent({
  name: 'motcua.feedback.answered',
  version: 1,
  summary:
    'The handling unit answered (processed); the answer may need a leader approval before publication.',
  schema: feedbackFacts.extend({
    answeredBy: actorSchema,
    answerBy: isoDateTime,
    approvalRequired: z.boolean(),
  }),
  example: {
    ...facts,
    occurredAt: '2026-12-10T16:00:00+07:00',
    answeredBy: { unitCode: 'P.QLG' },
    answerBy: '2026-12-21T09:00:00+07:00',
    approvalRequired: true,
  },
});

export const feedbackAnswerApproved = feedbackEvent({
  name: 'motcua.feedback.answer-approved',
  version: 1,
  summary: 'A leader approved the answer; publication is due within 2 working days.',
  schema: feedbackFacts.extend({ approvedBy: actorSchema, publishBy: isoDateTime }),
  example: {
    ...facts,
    occurredAt: '2026-12-11T09:00:00+07:00',
    approvedBy: { unitCode: 'BGD' },
    publishBy: '2026-12-15T09:00:00+07:00',
  },
});

export const feedbackPublished = feedbackEvent({
  name: 'motcua.feedback.published',
  version: 1,
  summary: 'The answer was published (portal, website).',
  schema: feedbackFacts.extend({
    publishBy: isoDateTime,
    publishedBy: actorSchema,
    url: z.url().regex(NO_PERSONAL_ID).optional(),
  }),
  example: {
    ...facts,
    occurredAt: '2026-12-11T14:00:00+07:00',
    publishBy: '2026-12-15T09:00:00+07:00',
    publishedBy: { unitCode: 'VP.KSTT' },
    url: 'https://motcua.example.gov.vn/pakn/PAKN-2026-000123',
  },
});

export const feedbackRated = feedbackEvent({
  name: 'motcua.feedback.rated',
  version: 1,
  summary:
    'The sender rated their satisfaction with the handling (Decision 766 satisfaction index).',
  schema: feedbackFacts.extend({ satisfaction: satisfactionLevel }),
  example: { ...facts, occurredAt: '2026-12-12T20:00:00+07:00', satisfaction: 'satisfied' },
});

const deadlineSchema = z.object({
  stage: feedbackStage,
  responsibleUnitCode: unitCode,
  deadline: isoDateTime,
});

export const feedbackDueSoon = feedbackEvent({
  name: 'motcua.feedback.due-soon',
  version: 1,
  summary:
    'A time limit of the feedback (classify, information request, forward, answer, publish) is close.',
  schema: feedbackFacts.extend({ deadline: deadlineSchema, workingHoursLeft: z.number().min(0) }),
  example: {
    ...facts,
    occurredAt: '2026-12-18T09:00:00+07:00',
    deadline: {
      stage: 'answer',
      responsibleUnitCode: 'P.QLG',
      deadline: '2026-12-21T09:00:00+07:00',
    },
    workingHoursLeft: 8,
  },
});

export const feedbackOverdue = feedbackEvent({
  name: 'motcua.feedback.overdue',
  version: 1,
  summary: 'A time limit of the feedback passed without the expected action.',
  schema: feedbackFacts.extend({ deadline: deadlineSchema, overdueSince: isoDateTime }),
  example: {
    ...facts,
    occurredAt: '2026-12-21T09:01:00+07:00',
    deadline: {
      stage: 'answer',
      responsibleUnitCode: 'P.QLG',
      deadline: '2026-12-21T09:00:00+07:00',
    },
    overdueSince: '2026-12-21T09:00:00+07:00',
  },
});

export const FEEDBACK_EVENTS = [
  feedbackReceived,
  feedbackClassified,
  feedbackForwarded,
  feedbackAssigned,
  feedbackInfoRequested,
  feedbackAnswered,
  feedbackAnswerApproved,
  feedbackPublished,
  feedbackRated,
  feedbackDueSoon,
  feedbackOverdue,
  ...FEEDBACK_LINK_EVENTS,
  ...FEEDBACK_CALENDAR_EVENTS,
] as const;
