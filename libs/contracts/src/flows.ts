import type { EventContract } from './define-event';
import { documentDigitized } from './events/digitization.events';
import { dossierReceived } from './events/dossier.events';
import {
  AGENCY_EVENTS,
  ALL_EVENTS,
  DOSSIER_EVENTS,
  INBOUND_EVENTS,
  INTERNAL_EVENTS,
  PORTAL_EVENTS,
  PROCEDURE_EVENTS,
} from './registry';
import { SERVICES, type ServiceName } from './topics';

/**
 * Who consumes what (the service table of README, "What runs"). Producers follow from each contract's `source`.
 * The AsyncAPI operations are generated from this table.
 */
export const CONSUMERS = {
  catalog: [],
  dossiers: [...PROCEDURE_EVENTS, documentDigitized, ...AGENCY_EVENTS],
  // the codes of received dossiers: officers link feedback items to dossiers (feedback.linked)
  feedback: [...PROCEDURE_EVENTS, ...AGENCY_EVENTS, dossierReceived],
  digitization: [...DOSSIER_EVENTS, ...AGENCY_EVENTS],
  reporting: [...INTERNAL_EVENTS, ...INBOUND_EVENTS],
} as const satisfies Record<ServiceName, readonly EventContract[]>;

/** Consumers outside motcua, by client id: the provincial / national portal reads the public stream only. */
export const EXTERNAL_CONSUMERS = { portal: PORTAL_EVENTS } as const;

/** Producers outside motcua, by client id, with the CloudEvents source they publish under. */
export const EXTERNAL_PRODUCERS = {
  portal: { source: '/portal', contracts: INBOUND_EVENTS },
} as const;
export type ExternalProducer = keyof typeof EXTERNAL_PRODUCERS;

/** The external client that publishes a contract, or undefined for motcua's own events. */
export function externalProducerOf(contract: EventContract): ExternalProducer | undefined {
  return (Object.keys(EXTERNAL_PRODUCERS) as ExternalProducer[]).find(
    (client) => EXTERNAL_PRODUCERS[client].source === contract.source,
  );
}

/** The service or external client that publishes a contract (from its CloudEvents source). */
export function producerOf(contract: EventContract): ServiceName | ExternalProducer {
  const external = externalProducerOf(contract);
  if (external) return external;
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
