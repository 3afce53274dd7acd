import { z } from 'zod';
import { defineEventFamily } from '../define-event';
import { agencyCode, isoDate, isoDateTime, safeCode, uuid } from './common.schemas';

/**
 * A calendar change (a year's government notice, a law adding a day off) moved the time limits of
 * an open feedback item (topic `feedback.feedback.v1`, key = feedbackId): the feedback service
 * re-derived them from the same starts (receipt, latest forwarding, approval) and working-day counts
 * with the calendar now in force. Each stage's date before and after; stages without a date are absent.
 */
const feedbackCalendarEvent = defineEventFamily({
  topic: 'feedback.feedback.v1',
  keyField: 'feedbackId',
  source: '/motcua/feedback',
});

const stageDates = z.object({
  classifyBy: isoDateTime,
  firstInfoRequestBy: isoDateTime,
  answerBy: isoDateTime,
  forwardBy: isoDateTime.optional(),
  publishBy: isoDateTime.optional(),
});

export const feedbackDeadlinesRederived = feedbackCalendarEvent({
  name: 'motcua.feedback.deadlines-rederived',
  version: 1,
  summary:
    "A calendar change moved an open feedback item's time limits; the new dates govern due-soon, overdue and on-time from now on.",
  schema: z.object({
    feedbackId: uuid,
    feedbackCode: safeCode,
    agencyCode,
    occurredAt: isoDateTime,
    dueDates: stageDates,
    previousDueDates: stageDates,
    calendarVersion: safeCode,
    previousCalendarVersion: safeCode,
    /** Days off other than weekends, by the calendar now in force, from receipt to the later answer date. */
    daysOffInPeriod: z.array(isoDate),
  }),
  example: {
    feedbackId: '3f6b2d8e-1c4a-4e7b-9d2f-8a1b0c9d7e65',
    feedbackCode: 'PAKN-2026-000123',
    agencyCode: '000.00.15.H26',
    occurredAt: '2026-12-03T08:00:00+07:00',
    dueDates: {
      classifyBy: '2026-11-25T17:00:00+07:00',
      firstInfoRequestBy: '2026-11-30T17:00:00+07:00',
      answerBy: '2026-12-14T17:00:00+07:00',
    },
    previousDueDates: {
      classifyBy: '2026-11-24T17:00:00+07:00',
      firstInfoRequestBy: '2026-11-27T17:00:00+07:00',
      answerBy: '2026-12-11T17:00:00+07:00',
    },
    calendarVersion: 'vn-cal-1-vn-gov-decisions-8fe2f419ae494886',
    previousCalendarVersion: 'vn-cal-1-vn-gov-decisions-61318fafcf33885f',
    daysOffInPeriod: ['2026-11-24'],
  },
});

export const FEEDBACK_CALENDAR_EVENTS = [feedbackDeadlinesRederived] as const;
