import { envelopeSchema, type CloudEvent } from './envelope';

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes travel as
 * `ce_`-prefixed headers, the data as the JSON message value, `content-type` as a header.
 */
export type KafkaRecord = { key: string; value: Buffer; headers: Record<string, string> };

const ATTRIBUTES = [
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'subject',
  'correlationid',
  'causationid',
  'traceparent',
  'sequence',
] as const;

export function toKafkaRecord(event: CloudEvent, key: string): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const attribute of ATTRIBUTES) {
    const value = event[attribute];
    if (value !== undefined) headers[`ce_${attribute}`] = value;
  }
  return { key, value: Buffer.from(JSON.stringify(event.data)), headers };
}

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedEventError';
  }
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** Reads a CloudEvent from a Kafka message; throws MalformedEventError naming what is wrong. */
export function fromKafkaMessage(
  headers: RawHeaders | undefined,
  value: Buffer | null,
): CloudEvent {
  const header = (name: string) => {
    const raw = headers?.[name];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return first === undefined ? undefined : first.toString();
  };
  const attributes: Record<string, string | undefined> = {
    datacontenttype: header('content-type'),
  };
  for (const attribute of ATTRIBUTES) attributes[attribute] = header(`ce_${attribute}`);
  const envelope = envelopeSchema.safeParse(
    Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)),
  );
  if (!envelope.success) {
    const problems = envelope.error.issues.map(
      (i) => `${i.path.join('.') || 'envelope'}: ${i.message}`,
    );
    throw new MalformedEventError(`invalid CloudEvents headers (${problems.join('; ')})`);
  }
  if (!value || value.length === 0) throw new MalformedEventError('message has no value (data)');
  let data: unknown;
  try {
    data = JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEventError('message value is not valid JSON');
  }
  return { ...envelope.data, data };
}
