import type { EventContract } from '@motcua/contracts';

export const ON_EVENT = Symbol('motcua:on-event');

/**
 * Marks a provider method as the handler of one event contract. The method gets the
 * validated event and the transaction in which the inbox records it:
 *
 *   @OnEvent(procedurePublished)
 *   onPublished(event: CloudEvent<EventData<typeof procedurePublished>>, tx: Tx) { ... }
 */
export function OnEvent(contract: EventContract): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(ON_EVENT, contract, target, propertyKey);
  };
}

export const ON_EVENTS_IN_BATCHES = Symbol('motcua:on-events-in-batches');

/**
 * Marks a provider method as the batch handler of several contracts (see `subscribeInBatches`): it gets
 * runs of consecutive validated events, in offset order, and the transaction of their inbox rows.
 */
export function OnEventsInBatches(contracts: readonly EventContract[]): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(ON_EVENTS_IN_BATCHES, contracts, target, propertyKey);
  };
}
