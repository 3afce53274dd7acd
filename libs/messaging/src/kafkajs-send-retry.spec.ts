/**
 * kafkajs 2.2.4's sendBatch kept its answers per broker across retries and skipped, on a retry,
 * every broker that had answered: when the leader of a partition died mid-send and the partition
 * moved to a broker that had answered for other partitions of the batch, that partition was never
 * sent and sendBatch resolved anyway (upstream issue #1303, PR #1798). The three-node drill lost
 * events this way (ADR 0028). patches/kafkajs+2.2.4.patch keeps the answers per partition; this
 * spec replays that failover on sendMessages with a scripted cluster, and fails without the patch.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createSendMessages = require('kafkajs/src/producer/sendMessages') as (
  options: unknown,
) => (request: unknown) => Promise<{ topicName: string; partition: number; errorCode: number }[]>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createRetry = require('kafkajs/src/retry') as (options: unknown) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KafkaJSConnectionError } = require('kafkajs/src/errors') as {
  KafkaJSConnectionError: new (message: string, details?: object) => Error;
};

type Produced = { topic: string; partitions: { partition: number; messages: unknown[] }[] }[];

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined };

/** Two brokers; partition 0 led by node 1 until the metadata is refreshed, then by node 2. */
function scriptedCluster(options: { node1: 'dies' | 'answers' }) {
  const leaders: Record<number, number> = { 0: 1, 1: 2 };
  const produced: Record<number, Produced[]> = { 1: [], 2: [] };
  const broker = (nodeId: number) => ({
    nodeId,
    async produce({ topicData }: { topicData: Produced }) {
      produced[nodeId].push(topicData);
      if (nodeId === 1 && options.node1 === 'dies') {
        // SIGKILLed: its connection drops after broker 2 answered for partition 1.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new KafkaJSConnectionError('Connection error: read ECONNRESET', {
          broker: 'node-1',
        });
      }
      return {
        topics: topicData.map(({ topic, partitions }) => ({
          topicName: topic,
          partitions: partitions.map(({ partition }) => ({
            partition,
            errorCode: 0,
            baseOffset: '0',
            logAppendTime: '-1',
            logStartOffset: '0',
          })),
        })),
      };
    },
  });
  const brokers: Record<number, ReturnType<typeof broker>> = { 1: broker(1), 2: broker(2) };
  const cluster = {
    targetTopics: new Set<string>(),
    addMultipleTargetTopics: async () => undefined,
    refreshMetadataIfNecessary: async () => undefined,
    refreshMetadata: async () => {
      leaders[0] = 2; // the controller fenced node 1: partition 0 is led by node 2 now
    },
    isConnected: () => true,
    removeBroker: () => undefined,
    findTopicPartitionMetadata: () =>
      [0, 1].map((partitionId) => ({ partitionId, leader: leaders[partitionId] })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) =>
      partitions.reduce<Record<number, number[]>>((byLeader, id) => {
        const leader = leaders[Number(id)];
        byLeader[leader] = [...(byLeader[leader] ?? []), Number(id)];
        return byLeader;
      }, {}),
    findBroker: async ({ nodeId }: { nodeId: string }) => brokers[Number(nodeId)],
  };
  const eosManager = {
    acquireBrokerLock: async () => undefined,
    releaseBrokerLock: async () => undefined,
    isTransactional: () => false,
    getSequence: () => 0,
    updateSequence: () => undefined,
    getProducerId: () => -1,
    getProducerEpoch: () => 0,
  };
  const send = createSendMessages({
    logger: { ...quiet, error: () => undefined },
    cluster,
    partitioner: ({ message }: { message: { partition: number } }) => message.partition,
    eosManager,
    retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 5 }),
  });
  return { send, produced };
}

const batch = {
  acks: -1,
  timeout: 1000,
  compression: 0,
  topicMessages: [
    {
      topic: 'dossiers.dossier.v1',
      messages: [
        { key: 'a', value: 'event-a', partition: 0 },
        { key: 'b', value: 'event-b', partition: 1 },
      ],
    },
  ],
};

describe('kafkajs sendBatch across a partition leader failover (patched)', () => {
  it('sends the dead leader partition to its new leader, even one that answered for another partition', async () => {
    const { send, produced } = scriptedCluster({ node1: 'dies' });
    const answer = await send(batch);
    const sentTo2 = produced[2].flatMap((request) =>
      request.flatMap(({ partitions }) => partitions.map(({ partition }) => partition)),
    );
    expect(sentTo2).toEqual([1, 0]); // partition 1 first, partition 0 on the retry
    expect(answer.map((a) => a.partition).sort()).toEqual([0, 1]);
  });

  it('does not send again a partition already acknowledged', async () => {
    const { send, produced } = scriptedCluster({ node1: 'dies' });
    await send(batch);
    const partition1Sends = produced[2].filter((request) =>
      request.some(({ partitions }) => partitions.some(({ partition }) => partition === 1)),
    );
    expect(partition1Sends).toHaveLength(1);
  });

  it('without a failure, one request per leader and every partition answered', async () => {
    const { send, produced } = scriptedCluster({ node1: 'answers' });
    const answer = await send(batch);
    expect([produced[1].length, produced[2].length]).toEqual([1, 1]);
    expect(answer.map((a) => a.partition).sort()).toEqual([0, 1]);
  });
});
