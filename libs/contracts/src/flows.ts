import type { EventContract } from './define-event';
import { documentDigitized } from './events/digitization.events';
import {
  AGENCY_EVENTS,
  ALL_EVENTS,
  DOSSIER_EVENTS,
  INTERNAL_EVENTS,
  PORTAL_EVENTS,
  PROCEDURE_EVENTS,
} from './registry';
import { SERVICES, type ServiceName } from './topics';

/**
 * Who consumes what (DESIGN.md's service table). Producers follow from each contract's `source`.
 * The AsyncAPI operations are generated from this table.
 */
export const CONSUMERS = {
  catalog: [],
  dossiers: [...PROCEDURE_EVENTS, documentDigitized, ...AGENCY_EVENTS],
  feedback: [...PROCEDURE_EVENTS, ...AGENCY_EVENTS],
  digitization: [...DOSSIER_EVENTS, ...AGENCY_EVENTS],
  reporting: INTERNAL_EVENTS,
} as const satisfies Record<ServiceName, readonly EventContract[]>;

/** Consumers outside motcua, by client id: the provincial / national portal reads the public stream only. */
export const EXTERNAL_CONSUMERS = { portal: PORTAL_EVENTS } as const;

/** The service that publishes a contract (from its CloudEvents source `/motcua/<service>`). */
export function producerOf(contract: EventContract): ServiceName {
  const service = contract.source.replace(/^\/motcua\//, '');
  if (!(SERVICES as readonly string[]).includes(service)) {
    throw new Error(`${contract.type}: source ${contract.source} is not a motcua service`);
  }
  return service as ServiceName;
}

/** The contracts a service publishes. */
export function producedBy(service: ServiceName): EventContract[] {
  return ALL_EVENTS.filter((contract) => producerOf(contract) === service);
}
