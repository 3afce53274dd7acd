import { z } from 'zod';
import { isoDateTime } from './common.schemas';
import { dossierEvent } from './dossier-event';
import {
  dossierDeadlineSchema,
  dossierFactsSchema,
  exampleDossierFacts as facts,
} from './dossier.schemas';

/**
 * Deadline warnings of a dossier (topic `dossiers.dossier.v1`, key = dossierId), raised by the
 * dossiers service's scheduler in working time. A redelivery or a second warning for the same
 * deadline is possible: consumers keep the latest per (dossierId, deadline.scope, stepOrder).
 */

export const dossierDueSoon = dossierEvent({
  name: 'motcua.dossier.due-soon',
  version: 1,
  summary:
    'A deadline of the dossier (the whole dossier, a step, or the applicant supplement) falls within the warning window.',
  schema: dossierFactsSchema.extend({
    deadline: dossierDeadlineSchema,
    /** Working hours left before the deadline, by the calendar in force. */
    workingHoursLeft: z.number().min(0),
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-04T08:00:00+07:00',
    deadline: {
      scope: 'step',
      stepOrder: 2,
      responsibleUnitCode: 'P.QLG',
      deadline: '2026-12-04T17:00:00+07:00',
    },
    workingHoursLeft: 8,
  },
});

export const dossierOverdue = dossierEvent({
  name: 'motcua.dossier.overdue',
  version: 1,
  summary:
    'A deadline of the dossier passed without the expected action; the dossier is late at that level.',
  schema: dossierFactsSchema.extend({
    deadline: dossierDeadlineSchema,
    overdueSince: isoDateTime,
  }),
  example: {
    ...facts,
    portalStatus: 4,
    occurredAt: '2026-12-07T11:31:00+07:00',
    deadline: {
      scope: 'dossier',
      responsibleUnitCode: 'P.QLG',
      deadline: '2026-12-07T11:30:00+07:00',
    },
    overdueSince: '2026-12-07T11:30:00+07:00',
  },
});

export const DOSSIER_DEADLINE_EVENTS = [dossierDueSoon, dossierOverdue] as const;
