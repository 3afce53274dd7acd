import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@motcua/contracts';

export function testKafka(brokers: string[], clientId = 'motcua-test'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 3 } });
}

/** Waits until the broker answers a metadata request, then creates every declared topic. */
export async function ensureTopics(brokers: string[], timeoutMs = 60000): Promise<void> {
  const admin = testKafka(brokers, 'motcua-provision').admin();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await admin.connect();
      await admin.fetchTopicMetadata({ topics: [] });
      break;
    } catch (error) {
      await admin.disconnect().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(`Kafka at ${brokers.join(',')} does not answer metadata requests: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Object.entries(TOPICS).filter(([name]) => !existing.has(name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(([topic, { partitions }]) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
