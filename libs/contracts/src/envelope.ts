import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventContract, EventData } from './define-event';
import { partitionKeyOf } from './define-event';
import { checkedBy } from './validated';

/**
 * CloudEvents 1.0 attributes plus motcua's extensions: correlation id (the request
 * or process that started it all), causation id (the event or request that caused
 * this one), the W3C traceparent and, on the portal stream, the sequence.
 */
export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^[a-z0-9.-]+\.v\d+$/, 'must look like <name>.v<version>'),
  time: z.string().datetime({ offset: true }),
  subject: z.string().min(1).optional(),
  datacontenttype: z.literal('application/json'),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).optional(),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'must be a W3C traceparent')
    .optional(),
  /**
   * CloudEvents sequence extension: the event's rank among the events of its subject, a zero-padded
   * decimal so that text order and number order agree. On the portal stream: the dossier's portal
   * sequence (1, 2, 3, … per dossier code), assigned in the transaction of the status change;
   * latest sequence wins. Absent on other streams and on portal messages published before 2026-12.
   */
  sequence: z
    .string()
    .regex(/^\d{10}$/, 'must be a zero-padded decimal of 10 digits')
    .describe(
      "CloudEvents sequence extension: rank of the event among those of its subject (zero-padded decimal). On the portal stream: the dossier's portal sequence, 1, 2, 3... per dossier code; latest wins.",
    )
    .optional(),
});

export type EventEnvelope = z.infer<typeof envelopeSchema>;
export type CloudEvent<D = unknown> = EventEnvelope & { data: D };

export type EnvelopeContext = {
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  time?: Date;
  id?: string;
  /** The subject's sequence number (examples and tests; the dossiers database assigns the real ones). */
  sequence?: number;
};

/** Builds a complete, validated event ready for the outbox. Throws when the data breaks the contract. */
export function buildEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  context: EnvelopeContext,
): { event: CloudEvent<EventData<C>>; topic: C['topic']; key: string } {
  // A value this very schema produced and froze (a portal status) is not parsed a second time.
  const parsed = (
    checkedBy(contract.schema, data) ? data : contract.schema.parse(data)
  ) as EventData<C>;
  const key = partitionKeyOf(contract, parsed);
  const event: CloudEvent<EventData<C>> = {
    specversion: '1.0',
    id: context.id ?? randomUUID(),
    source: contract.source,
    type: contract.type,
    time: (context.time ?? new Date()).toISOString(),
    subject: key,
    datacontenttype: 'application/json',
    correlationid: context.correlationId,
    ...(context.causationId ? { causationid: context.causationId } : {}),
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
    ...(context.sequence !== undefined ? { sequence: formatSequence(context.sequence) } : {}),
    data: parsed,
  };
  return { event, topic: contract.topic, key };
}

/** Width of the `sequence` attribute (CloudEvents wants it lexicographically orderable). */
export const SEQUENCE_DIGITS = 10;

/** A sequence number as the `sequence` attribute: `7` → `0000000007`. */
export function formatSequence(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`not a sequence number: ${sequence}`);
  }
  return String(sequence).padStart(SEQUENCE_DIGITS, '0');
}
