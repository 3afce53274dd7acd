import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';
import { DLQ_HEADERS } from '../consumer/dead-letter';

/** A message a consumer dead-lettered, as an operator inspects it. */
export type DeadLetter = {
  /** `<partition>:<offset>` in the dead-letter topic: what `inspect` and `--id` name. */
  id: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  reason?: string;
  error?: string;
  originalTopic?: string;
  group?: string;
  failedAt?: string;
  /** CloudEvents type and id (absent when the message was malformed). */
  type?: string;
  eventId?: string;
};

export type DeadLetterFilter = {
  ids?: string[];
  type?: string;
  reason?: string;
  since?: Date;
  until?: Date;
};

/** Header stamped on a replayed message: where in the dead-letter topic it came from. */
export const REPLAYED_FROM_HEADER = 'dlq_replayed_from';

export function matchesFilter(letter: DeadLetter, filter: DeadLetterFilter): boolean {
  if (filter.ids && !filter.ids.includes(letter.id)) return false;
  if (filter.type && letter.type !== filter.type) return false;
  if (filter.reason && letter.reason !== filter.reason) return false;
  const failedAt = letter.failedAt ? Date.parse(letter.failedAt) : NaN;
  if (filter.since && !(failedAt >= filter.since.getTime())) return false;
  if (filter.until && !(failedAt < filter.until.getTime())) return false;
  return true;
}

export function toDeadLetter(
  partition: number,
  message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: IHeaders },
): DeadLetter {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );
  return {
    id: `${partition}:${message.offset}`,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers,
    reason: headers[DLQ_HEADERS.reason],
    error: headers[DLQ_HEADERS.error],
    originalTopic: headers[DLQ_HEADERS.topic],
    group: headers[DLQ_HEADERS.group],
    failedAt: headers[DLQ_HEADERS.failedAt],
    type: headers['ce_type'],
    eventId: headers['ce_id'],
  };
}

/**
 * The message to send back to the original topic: the original key, value and headers (the
 * CloudEvents id among them, so every consumer's inbox recognises an event it already applied),
 * without the dead-letter headers, stamped with where it was replayed from.
 */
export function replayMessageOf(
  deadLetterTopic: string,
  letter: DeadLetter,
): { topic: string; key: string | null; value: Buffer | null; headers: Record<string, string> } {
  if (!letter.originalTopic)
    throw new Error(`dead letter ${letter.id} names no original topic (${DLQ_HEADERS.topic})`);
  const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
  const headers = Object.fromEntries(
    Object.entries(letter.headers).filter(
      ([name]) => !dlqNames.has(name) && name !== REPLAYED_FROM_HEADER,
    ),
  );
  headers[REPLAYED_FROM_HEADER] = `${deadLetterTopic}/${letter.id}`;
  return { topic: letter.originalTopic, key: letter.key, value: letter.value, headers };
}

/** Reads a dead-letter topic from its beginning to its current end, with a throwaway group that is deleted after. */
export async function readDeadLetters(
  kafka: Kafka,
  deadLetterTopic: string,
  filter: DeadLetterFilter = {},
  timeoutMs = 30_000,
): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `motcua-dead-letters-${randomUUID()}`;
  try {
    const offsets = await admin.fetchTopicOffsets(deadLetterTopic);
    const ends = new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
    const pending = new Set(
      offsets.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => p.partition),
    );
    const letters: DeadLetter[] = [];
    if (pending.size > 0) {
      const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: deadLetterTopic, fromBeginning: true });
        let finished!: () => void;
        const done = new Promise<void>((resolve) => (finished = resolve));
        await consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (BigInt(message.offset) < (ends.get(partition) ?? 0n))
              letters.push(toDeadLetter(partition, message));
            if (BigInt(message.offset) + 1n >= (ends.get(partition) ?? 0n))
              pending.delete(partition);
            if (pending.size === 0) finished();
          },
        });
        const timedOut = new Promise<never>((_, reject) =>
          setTimeout(
            () =>
              reject(
                new Error(
                  `reading ${deadLetterTopic} did not reach its end within ${timeoutMs} ms`,
                ),
              ),
            timeoutMs,
          ).unref(),
        );
        await Promise.race([done, timedOut]);
      } finally {
        await consumer.disconnect();
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
    }
    return letters
      .filter((letter) => matchesFilter(letter, filter))
      .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.disconnect();
  }
}

export type ReplayPlan = { id: string; to: string; type?: string; eventId?: string };

/**
 * Sends dead letters back to their original topics (acks from all in-sync replicas, idempotent
 * producer). Malformed messages (no CloudEvents id) are refused unless `force`: replaying them
 * only dead-letters them again until their producer is fixed. With `dryRun` nothing is sent.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  deadLetterTopic: string,
  letters: DeadLetter[],
  options: { dryRun?: boolean; force?: boolean } = {},
): Promise<ReplayPlan[]> {
  const refused = options.force ? [] : letters.filter((letter) => !letter.eventId);
  if (refused.length > 0) {
    throw new Error(
      `refusing to replay malformed messages without a CloudEvents id (${refused.map((l) => l.id).join(', ')}); use force to send them anyway`,
    );
  }
  const messages = letters.map((letter) => ({
    letter,
    message: replayMessageOf(deadLetterTopic, letter),
  }));
  const plans = messages.map(({ letter, message }) => ({
    id: letter.id,
    to: message.topic,
    type: letter.type,
    eventId: letter.eventId,
  }));
  if (options.dryRun || messages.length === 0) return plans;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const { message } of messages) {
      await producer.send({
        topic: message.topic,
        acks: -1,
        messages: [{ key: message.key, value: message.value, headers: message.headers }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return plans;
}
