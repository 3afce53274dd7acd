import type { EventContract } from './define-event';
import { agencyTreePublished } from './events/agency.events';
import { DIGITIZATION_EVENTS } from './events/digitization.events';
import { DOSSIER_CALENDAR_EVENTS } from './events/dossier-calendar.events';
import { DOSSIER_DEADLINE_EVENTS } from './events/dossier-deadline.events';
import { DOSSIER_OUTCOME_EVENTS } from './events/dossier-outcome.events';
import { DOSSIER_EVALUATION_EVENTS } from './events/dossier-evaluation.events';
import { DOSSIER_PROGRESS_EVENTS } from './events/dossier.events';
import { DOSSIER_STAGE_EVENTS } from './events/dossier-stage.events';
import { FEEDBACK_EVENTS } from './events/feedback.events';
import { PORTAL_ACK_EVENTS } from './events/portal-ack.events';
import { PORTAL_EVENTS } from './events/portal.events';
import {
  procedureAbolished,
  procedureAmended,
  procedurePublished,
} from './events/procedure.events';
import { procedureGroupPublished } from './events/procedure-group.events';
import { REVIEW_EVENTS } from './events/review.events';

/** Procedure publication decisions (`catalog.procedure.v1`). */
export const PROCEDURE_EVENTS = [procedurePublished, procedureAmended, procedureAbolished] as const;

/** Groups of inter-agency procedures (`catalog.procedure.v1`, keyed by the group code); not in PROCEDURE_EVENTS, so the procedures' consumers do not take them. */
export const PROCEDURE_GROUP_EVENTS = [procedureGroupPublished] as const;

/** The agency tree (`catalog.agency.v1`): every service keeps a copy to decide who sees what. */
export const AGENCY_EVENTS = [agencyTreePublished] as const;

/** Everything the catalog service publishes: procedures and their groups, review campaigns and the agency tree. */
export const CATALOG_EVENTS = [
  ...PROCEDURE_EVENTS,
  ...PROCEDURE_GROUP_EVENTS,
  ...REVIEW_EVENTS,
  ...AGENCY_EVENTS,
] as const;
/** Everything the dossiers service publishes on `dossiers.dossier.v1` (the portal stream is PORTAL_EVENTS). */
export const DOSSIER_EVENTS = [
  ...DOSSIER_PROGRESS_EVENTS,
  ...DOSSIER_OUTCOME_EVENTS,
  ...DOSSIER_DEADLINE_EVENTS,
  ...DOSSIER_EVALUATION_EVENTS,
  ...DOSSIER_CALENDAR_EVENTS,
  ...DOSSIER_STAGE_EVENTS,
] as const;
export { DIGITIZATION_EVENTS, FEEDBACK_EVENTS, PORTAL_ACK_EVENTS, PORTAL_EVENTS, REVIEW_EVENTS };

/** Every internal event contract (everything but the public portal stream). */
export const INTERNAL_EVENTS: readonly EventContract[] = [
  ...CATALOG_EVENTS,
  ...DOSSIER_EVENTS,
  ...FEEDBACK_EVENTS,
  ...DIGITIZATION_EVENTS,
];

/** Events produced outside motcua and consumed by it: the portal's acknowledgements of each sync. */
export const INBOUND_EVENTS: readonly EventContract[] = [...PORTAL_ACK_EVENTS];

/** Every event contract of motcua. The AsyncAPI document and JSON Schemas are generated from this list. */
export const ALL_EVENTS: readonly EventContract[] = [
  ...INTERNAL_EVENTS,
  ...PORTAL_EVENTS,
  ...INBOUND_EVENTS,
];

const byType = new Map(ALL_EVENTS.map((contract) => [contract.type, contract]));
if (byType.size !== ALL_EVENTS.length)
  throw new Error('two event contracts share one CloudEvents type');

export function contractOfType(type: string): EventContract | undefined {
  return byType.get(type);
}
