import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { DeadLetterReason } from './errors';

/** Headers added to a dead-lettered message; the original headers, key and value are kept. */
export const DLQ_HEADERS = {
  reason: 'dlq_reason',
  error: 'dlq_error',
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  group: 'dlq_consumer_group',
  failedAt: 'dlq_failed_at',
} as const;

export async function sendToDeadLetter(
  producer: Producer,
  deadLetterTopic: string,
  failed: { topic: string; partition: number; message: KafkaMessage; group: string },
  reason: DeadLetterReason,
  error: string,
): Promise<void> {
  const headers: IHeaders = {
    ...(failed.message.headers ?? {}),
    [DLQ_HEADERS.reason]: reason,
    [DLQ_HEADERS.error]: error.slice(0, 2000),
    [DLQ_HEADERS.topic]: failed.topic,
    [DLQ_HEADERS.partition]: String(failed.partition),
    [DLQ_HEADERS.offset]: failed.message.offset,
    [DLQ_HEADERS.group]: failed.group,
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: [{ key: failed.message.key, value: failed.message.value, headers }],
  });
}
