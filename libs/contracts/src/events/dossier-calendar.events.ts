import { z } from 'zod';
import { agencyCode, isoDate, isoDateTime, safeCode } from './common.schemas';
import { dossierEvent } from './dossier-event';
import { dossierFactsSchema, exampleDossierFacts as facts } from './dossier.schemas';

/** Đúng hạn / trễ hạn of an open dossier, before and after a re-derivation. */
export const openDossierOnTimeStatus = z.enum(['in_time', 'overdue']);

/**
 * A calendar change (a day off added or removed: a year's government notice, a law such as the
 * Vietnamese Culture Day) moved the legal due date of an open dossier: the dossiers service
 * re-derived it from the same clock start and time limit with the calendar now in force
 * (topic `dossiers.dossier.v1`, key = dossierId). `dueDate` (in the facts) is the new due date,
 * which governs on-time status and deadline warnings from now on; `printedAppointmentDate` is the
 * appointment date printed on the receipt slip, kept unchanged in the dossier's record.
 */
export const dossierDueDateRederived = dossierEvent({
  name: 'motcua.dossier.due-date-rederived',
  version: 1,
  summary:
    "A calendar change moved an open dossier's legal due date; the new date governs on-time status, the printed appointment date is kept in the record.",
  schema: dossierFactsSchema.extend({
    dueDate: isoDateTime,
    previousDueDate: isoDateTime,
    /** The appointment date printed on the receipt slip (phiếu tiếp nhận và hẹn trả), unchanged. */
    printedAppointmentDate: isoDateTime.optional(),
    /** Where the clock starts: the receipt, or the last complete supplement (restart). */
    clockStartedAt: isoDateTime,
    calendarVersion: safeCode,
    previousCalendarVersion: safeCode,
    /** Days off other than weekends, by the calendar now in force, from the clock start to the later due date. */
    daysOffInPeriod: z.array(isoDate),
    onTimeBefore: openDossierOnTimeStatus,
    onTimeAfter: openDossierOnTimeStatus,
    /**
     * Liên thông: each running stage whose own legal due date the change moved, re-derived from
     * its clock start (its start, or the restart after its agency's supplement) and share, moved by
     * the waits that paused it. Absent when no stage moved.
     */
    stageClocks: z
      .array(
        z.object({
          order: z.int().positive(),
          agencyCode,
          clockStartedAt: isoDateTime,
          previousStageLegalDueDate: isoDateTime,
          stageLegalDueDate: isoDateTime,
        }),
      )
      .optional(),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-03T08:00:00+07:00',
    receivedAt: '2026-11-20T09:00:00+07:00',
    dueDate: '2026-11-30T17:00:00+07:00',
    legalDueDate: '2026-11-30T17:00:00+07:00',
    previousDueDate: '2026-11-27T17:00:00+07:00',
    printedAppointmentDate: '2026-11-27T17:00:00+07:00',
    clockStartedAt: '2026-11-20T09:00:00+07:00',
    calendarVersion: 'vn-cal-1-vn-gov-decisions-8fe2f419ae494886',
    previousCalendarVersion: 'vn-cal-1-vn-gov-decisions-61318fafcf33885f',
    daysOffInPeriod: ['2026-11-24'],
    onTimeBefore: 'overdue',
    onTimeAfter: 'overdue',
  },
});

export const DOSSIER_CALENDAR_EVENTS = [dossierDueDateRederived] as const;
