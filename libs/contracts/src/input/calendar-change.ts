import { z } from 'zod';
import { agencyCode } from '../events/common.schemas';

/**
 * The body of `POST /admin/calendar-change/rederive` on every service that re-derives dates after
 * a calendar change (dossiers, feedback; docs/legal-rules.md, "Calendar changes"). `dryRun` is
 * required: an empty body must not start a run; `agencyCode` limits the run to one agency.
 */
export const calendarRederiveRequest = z
  .object({ dryRun: z.boolean(), agencyCode: agencyCode.optional() })
  .strict();
export type CalendarRederiveRequest = z.infer<typeof calendarRederiveRequest>;
