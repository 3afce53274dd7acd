import type { EventContract } from './define-event';
import { procedureAbolished, procedureAmended, procedurePublished } from './events/procedure.events';

/** Every event contract of motcua. The AsyncAPI document and JSON Schemas are generated from this list. */
export const ALL_EVENTS: readonly EventContract[] = [procedurePublished, procedureAmended, procedureAbolished];

const byType = new Map(ALL_EVENTS.map((contract) => [contract.type, contract]));

export function contractOfType(type: string): EventContract | undefined {
  return byType.get(type);
}
