import type { z } from 'zod';
import type { TopicName } from './topics';

/**
 * The contract of one event: its CloudEvents type, version, the topic it travels
 * on, how its partition key is chosen, and the zod schema of its data. Producers
 * and consumers share this object; JSON Schema and AsyncAPI are generated from it.
 */
export type EventContract<S extends z.ZodType = z.ZodType> = {
  /** Domain name of the event, e.g. `motcua.dossier.received`. */
  name: string;
  /** Major version; a breaking change to the data is a new version (a new contract). */
  version: number;
  /** CloudEvents `type`: `<name>.v<version>`. */
  type: string;
  topic: TopicName;
  /** Which field of the data is the Kafka key (keeps one aggregate's events in order). */
  keyField: string;
  /** Human description for the event catalogue. */
  summary: string;
  schema: S;
  example: z.infer<S>;
  /** The CloudEvents `source` of the producing service, e.g. `/motcua/dossiers`. */
  source: string;
};

export type EventData<C extends EventContract> = z.infer<C['schema']>;

export function defineEvent<S extends z.ZodType>(
  spec: Omit<EventContract<S>, 'type'> & { keyField: keyof z.infer<S> & string },
): EventContract<S> {
  const type = `${spec.name}.v${spec.version}`;
  const parsed = spec.schema.safeParse(spec.example);
  if (!parsed.success) {
    throw new Error(`Example of ${type} does not match its schema: ${parsed.error.message}`);
  }
  return { ...spec, type };
}

export function partitionKeyOf<C extends EventContract>(contract: C, data: EventData<C>): string {
  const value = (data as Record<string, unknown>)[contract.keyField];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${contract.type}: key field ${contract.keyField} is empty`);
  }
  return value;
}

/**
 * The common settings of one aggregate family (topic, key field, producing service), so that each
 * contract of the family only states its name, version, summary, schema and example.
 */
export function defineEventFamily<K extends string>(family: {
  topic: TopicName;
  keyField: K;
  source: string;
}) {
  return function define<S extends z.ZodType<Record<K, string>>>(spec: {
    name: string;
    version: number;
    summary: string;
    schema: S;
    example: z.infer<S>;
  }): EventContract<S> {
    return defineEvent<S>({ ...spec, ...family });
  };
}
