import {
  MalformedEventError,
  fromKafkaMessage,
  portalDossierStatus,
  portalDossierStatusSchema,
  type PortalDossierStatus,
} from '@motcua/contracts';

/** A Kafka message as kafkajs (or another client) hands it over: headers and value. */
export type PortalKafkaMessage = {
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  value: Buffer | null;
};

/** A portal status, validated, with what ordering needs (docs/portal-integration.md). */
export type DecodedPortalStatus = {
  /** CloudEvents id: deliveries of the same event share it. */
  id: string;
  /** Per-dossier monotonic sequence: apply latest-wins by (dossierCode, sequence). */
  sequence: number;
  /** When the status changed (milliseconds). */
  time: string;
  status: PortalDossierStatus;
};

export type PortalDecodeResult =
  | { kind: 'status'; event: DecodedPortalStatus }
  /** Another event type on the topic: skip it (consumers ignore types they do not know). */
  | { kind: 'ignored'; type: string }
  /** Broken headers, value or data: dead-letter it with the reason. */
  | { kind: 'malformed'; reason: string };

/**
 * Decodes one message of `portal.dossier-status.v1` (CloudEvents Kafka binding, binary mode):
 * checks the ce_ headers, parses the data and validates it against the published contract.
 */
export function decodePortalMessage(message: PortalKafkaMessage): PortalDecodeResult {
  let event;
  try {
    event = fromKafkaMessage(message.headers, message.value);
  } catch (error) {
    if (error instanceof MalformedEventError) return { kind: 'malformed', reason: error.message };
    throw error;
  }
  if (event.type !== portalDossierStatus.type) return { kind: 'ignored', type: event.type };
  const sequence = Number(event.sequence);
  if (!event.sequence || !Number.isSafeInteger(sequence) || sequence < 1)
    return { kind: 'malformed', reason: 'ce_sequence: missing or not a positive integer' };
  const status = portalDossierStatusSchema.safeParse(event.data);
  if (!status.success) {
    const problems = status.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`);
    return { kind: 'malformed', reason: `data: ${problems.join('; ')}` };
  }
  return {
    kind: 'status',
    event: { id: event.id, sequence, time: event.time, status: status.data },
  };
}

/** The topic to read (in your own consumer group) and the event type it carries. */
export const PORTAL_STATUS_TOPIC = portalDossierStatus.topic;
export const PORTAL_STATUS_TYPE = portalDossierStatus.type;
