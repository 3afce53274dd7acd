import { z } from 'zod';

// What each route of calendar-change.controller.ts answers on success (OpenAPI and RESPONSE_SCHEMA_CHECK, ADR 0031).

const rederived = z.strictObject({
  dossierId: z.string(),
  dossierCode: z.string(),
  status: z.string(),
  outcome: z.enum(['unchanged', 'moved']),
  promisedDateKept: z.boolean(),
  promisedDate: z.string().nullable(),
  previousDueDate: z.string().nullable(),
  dueDate: z.string(),
  printedAppointmentDate: z.string().nullable(),
  onTimeBefore: z.string().optional(),
  onTimeAfter: z.string().optional(),
  daysOffInPeriod: z.array(z.string()).optional(),
  stages: z
    .array(
      z.strictObject({
        order: z.number(),
        agencyCode: z.string(),
        previousDueDate: z.string(),
        dueDate: z.string(),
      }),
    )
    .optional(),
});

export const rederiveResponse = z.strictObject({
  calendarVersion: z.string(),
  dryRun: z.boolean(),
  examined: z.number(),
  moved: z.array(rederived),
  promisedDateKept: z.array(rederived),
  unchanged: z.number(),
  failed: z.array(
    z.strictObject({
      dossierId: z.string(),
      error: z.string(),
    }),
  ),
});
