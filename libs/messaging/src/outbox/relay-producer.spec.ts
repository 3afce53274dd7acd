import type { Kafka, ProducerBatch, ProducerConfig, RecordMetadata } from 'kafkajs';
import {
  RELAY_ACKS,
  RELAY_PRODUCER_CONFIG,
  RelayProducer,
  UnacknowledgedPartitionsError,
  unacknowledgedPartitions,
} from './relay-producer';

const TOPIC = 'dossiers.dossier.v1';

/**
 * A KafkaJS stand-in that partitions each message with the producer's partitioner, as sendBatch
 * does, and answers for the partitions `answered` keeps (all of them unless told otherwise).
 */
function kafkaAnswering(answered: (partition: number) => boolean = () => true) {
  const batches: ProducerBatch[] = [];
  let config: ProducerConfig = {};
  const kafka = {
    producer(given: ProducerConfig) {
      config = given;
      const partitioner = given.createPartitioner!();
      return {
        async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
          batches.push(batch);
          const partitions = new Set<number>();
          for (const { topic, messages } of batch.topicMessages ?? [])
            for (const message of messages)
              partitions.add(
                partitioner({
                  topic,
                  message,
                  partitionMetadata: [0, 1, 2, 3, 4, 5].map((partitionId) => ({
                    partitionId,
                    leader: 1,
                    replicas: [1, 2, 3],
                    isr: [1, 2, 3],
                    partitionErrorCode: 0,
                  })),
                }),
              );
          return [...partitions].filter(answered).map((partition) => ({
            topicName: TOPIC,
            partition,
            errorCode: 0,
          }));
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, batches, config: () => config };
}

const events = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `dossier-${i}`, value: `event-${i}` }));

describe('the relay producer', () => {
  it('produces with acks from all in-sync replicas, one request in flight, no topic auto-creation', () => {
    const { kafka, config } = kafkaAnswering();
    new RelayProducer(kafka);
    expect(RELAY_ACKS).toBe(-1);
    expect(config()).toMatchObject({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      idempotent: false,
    });
    expect(RELAY_PRODUCER_CONFIG.idempotent).toBe(false);
  });

  it('sends a batch with acks -1 and resolves when every partition it went to is acknowledged', async () => {
    const { kafka, batches } = kafkaAnswering();
    const answer = await new RelayProducer(kafka).send([{ topic: TOPIC, messages: events(20) }]);
    expect(batches[0].acks).toBe(-1);
    expect(answer.length).toBeGreaterThan(1);
  });

  it('fails a batch that Kafka answered without one of its partitions (the rows are published again)', async () => {
    const { kafka } = kafkaAnswering((partition) => partition !== 0);
    const sending = new RelayProducer(kafka).send([{ topic: TOPIC, messages: events(20) }]);
    await expect(sending).rejects.toBeInstanceOf(UnacknowledgedPartitionsError);
    await expect(sending).rejects.toThrow(`without ${TOPIC}:0`);
  });
});

describe('unacknowledgedPartitions', () => {
  const answer = (partition: number, errorCode = 0) => ({ topicName: 't', partition, errorCode });

  it('lists the partitions sent to that the answer lacks or answered with an error', () => {
    expect(
      unacknowledgedPartitions(['t:0', 't:1', 't:1', 't:2'], [answer(1), answer(2, 6)]),
    ).toEqual(['t:0', 't:2']);
  });

  it('is empty when every partition sent to is acknowledged', () => {
    expect(unacknowledgedPartitions(['t:0', 't:1'], [answer(1), answer(0)])).toEqual([]);
  });
});
