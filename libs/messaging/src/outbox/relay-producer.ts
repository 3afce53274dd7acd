import {
  CompressionTypes,
  Partitioners,
  type Kafka,
  type Message,
  type Producer,
  type RecordMetadata,
  type TopicMessages,
} from 'kafkajs';

/**
 * How the outbox relay produces (docs/adr/0028-relay-producer-delivery.md):
 * - not idempotent: every consumer drops duplicates through its inbox by event id, so the broker's
 *   de-duplication buys nothing, while KafkaJS's sequence numbers outlive a send that gave up (the
 *   relay resends other rows under the same producer id and sequence: OUT_OF_ORDER_SEQUENCE_NUMBER
 *   forever, or a new batch taken for a duplicate of the old one);
 * - one request in flight per broker and one send at a time, so a retry cannot overtake the
 *   events after it: the order of a key is kept;
 * - acks from all in-sync replicas (min.insync.replicas 2 on a cluster).
 */
export const RELAY_PRODUCER_CONFIG: {
  idempotent: boolean;
  maxInFlightRequests: number;
  allowAutoTopicCreation: boolean;
} = {
  idempotent: false,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
};
export const RELAY_ACKS = -1;

/** Kafka's answer left some partitions a batch was sent to without an acknowledgement. */
export class UnacknowledgedPartitionsError extends Error {
  override readonly name = 'UnacknowledgedPartitionsError';
  constructor(readonly partitions: string[]) {
    super(`Kafka acknowledged the batch without ${partitions.join(', ')}; the batch is sent again`);
  }
}

/**
 * The `topic:partition` pairs a batch was sent to that Kafka's answer does not acknowledge
 * (missing, or with an error code).
 */
export function unacknowledgedPartitions(
  sentTo: Iterable<string>,
  answer: readonly Pick<RecordMetadata, 'topicName' | 'partition' | 'errorCode'>[],
): string[] {
  const acknowledged = new Set(
    answer.filter((r) => r.errorCode === 0).map((r) => `${r.topicName}:${r.partition}`),
  );
  return [...new Set(sentTo)].filter((tp) => !acknowledged.has(tp)).sort();
}

/**
 * The relay's producer: `send` resolves only when Kafka acknowledged every partition the batch went
 * to. KafkaJS 2.2.4 could resolve `sendBatch` without ever sending a partition whose leader died
 * mid-send (its retry skipped the new leader when that broker had answered for other partitions of
 * the same batch; patched in patches/kafkajs+2.2.4.patch): the partitions each message went to are
 * recorded by the partitioner (the default one, murmur2 of the key) and checked against the answer,
 * so such a batch fails and its rows are published again instead of being marked.
 */
export class RelayProducer {
  private readonly partitionOf = new WeakMap<Message, number>();
  readonly producer: Producer;

  /** `config` changes the settings for a measurement (tools/drills/producer-failover.ts) only. */
  constructor(kafka: Kafka, config: Partial<typeof RELAY_PRODUCER_CONFIG> = {}) {
    this.producer = kafka.producer({
      ...RELAY_PRODUCER_CONFIG,
      ...config,
      createPartitioner: () => {
        const partition = Partitioners.DefaultPartitioner();
        return (args) => {
          const chosen = partition(args);
          this.partitionOf.set(args.message, chosen);
          return chosen;
        };
      },
    });
  }

  async send(topicMessages: TopicMessages[]): Promise<RecordMetadata[]> {
    const answer = await this.producer.sendBatch({
      acks: RELAY_ACKS,
      compression: CompressionTypes.None,
      topicMessages,
    });
    const sentTo = topicMessages.flatMap(({ topic, messages }) =>
      messages.map((m) => `${topic}:${this.partitionOf.get(m) ?? '?'}`),
    );
    const missing = unacknowledgedPartitions(sentTo, answer);
    if (missing.length > 0) throw new UnacknowledgedPartitionsError(missing);
    return answer;
  }
}
