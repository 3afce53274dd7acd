import { createHash } from 'node:crypto';
import type { EventContract } from '../define-event';
import { buildEvent } from '../envelope';
import { toKafkaRecord } from '../kafka-binding';

/** A UUID (version 4 layout) derived from a seed, so that generated examples never change. */
export function seededUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FALLBACK_TIME = '2026-11-30T01:30:00.000Z';

/** The contract's example as a complete CloudEvent: deterministic id, time, correlation and trace. */
export function exampleEvent(contract: EventContract) {
  const occurredAt = (contract.example as { occurredAt?: unknown }).occurredAt;
  const trace = createHash('sha256').update(`${contract.type}#trace`).digest('hex');
  return buildEvent(contract, contract.example, {
    id: seededUuid(`${contract.type}#id`),
    correlationId: seededUuid(`${contract.type}#correlation`),
    causationId: seededUuid(`${contract.type}#causation`),
    traceparent: `00-${trace.slice(0, 32)}-${trace.slice(32, 48)}-01`,
    time: new Date(typeof occurredAt === 'string' ? occurredAt : FALLBACK_TIME),
    ...(contract.topic === 'portal.dossier-status.v1' ? { sequence: 2 } : {}),
  });
}

/** The Kafka headers of the example (CloudEvents binary mode). */
export function exampleHeaders(contract: EventContract): Record<string, string> {
  const { event, key } = exampleEvent(contract);
  return toKafkaRecord(event, key).headers;
}
