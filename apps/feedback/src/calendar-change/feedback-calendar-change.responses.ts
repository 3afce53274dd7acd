import { z } from 'zod';

// What each route of feedback-calendar-change.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

export const rederiveResponse = z.strictObject({
  calendarVersion: z.string(),
  dryRun: z.boolean(),
  examined: z.number(),
  moved: z.array(
    z.strictObject({
      feedbackId: z.string(),
      feedbackCode: z.string(),
      status: z.string(),
      previousDueDates: z.record(z.string(), z.string().nullable()),
      dueDates: z.record(z.string(), z.string().nullable()),
      daysOffInPeriod: z.array(z.string()),
    }),
  ),
  unchanged: z.number(),
  failed: z.array(
    z.strictObject({
      feedbackId: z.string(),
      error: z.string(),
    }),
  ),
});
