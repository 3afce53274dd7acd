import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { replicationOn, TOPICS, topicConfigOf, type TopicName } from '@motcua/contracts';
import type { KafkaSasl } from './kafka-credentials';

/**
 * A KafkaJS client for harnesses and tooling, signed in with the given credentials (`null`
 * connects anonymously). Tests use `testKafka` of `@motcua/testing`, signed in as the test broker's admin.
 */
export function kafkaClient(brokers: string[], clientId: string, sasl: KafkaSasl | null): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...(sasl ? { sasl } : {}),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
}

/** Waits until the broker answers a metadata request (signed in as `admin`), then creates every declared topic. */
export async function ensureTopics(
  brokers: string[],
  admin: KafkaSasl,
  timeoutMs = 60000,
): Promise<void> {
  const client = kafkaClient(brokers, 'motcua-provision', admin).admin();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.connect();
      await client.fetchTopicMetadata({ topics: [] });
      break;
    } catch (error) {
      await client.disconnect().catch(() => undefined);
      if ((error as Error).name === 'KafkaJSSASLAuthenticationError') {
        throw new Error(
          `Kafka at ${brokers.join(',')} refuses the admin ${admin.username}: ${(error as Error).message} (are these that broker's credentials?)`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Kafka at ${brokers.join(',')} does not answer metadata requests: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    const existing = new Set(await client.listTopics());
    const missing = Object.entries(TOPICS).filter(([name]) => !existing.has(name));
    // Three copies and min.insync.replicas 2 on a cluster, one copy on a single broker.
    const { replicationFactor, minInsyncReplicas } = replicationOn(
      (await client.describeCluster()).brokers.length,
    );
    // The retention configs and min.insync.replicas together: alterConfigs replaces a topic's
    // whole set, so an existing topic keeps its min.insync.replicas only if it is in the set.
    const configEntries = (topic: string) => [
      ...Object.entries(topicConfigOf(topic as TopicName)).map(([name, value]) => ({
        name,
        value,
      })),
      { name: 'min.insync.replicas', value: String(minInsyncReplicas) },
    ];
    if (missing.length > 0) {
      await client.createTopics({
        waitForLeaders: true,
        topics: missing.map(([topic, { partitions }]) => ({
          topic,
          numPartitions: partitions,
          replicationFactor,
          configEntries: configEntries(topic),
        })),
      });
    }
    // Topics made before their retention was declared get it now (as kafka.sh topics does).
    const present = Object.keys(TOPICS).filter((name) => existing.has(name));
    if (present.length > 0) {
      await client.alterConfigs({
        validateOnly: false,
        resources: present.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configEntries: configEntries(name),
        })),
      });
    }
  } finally {
    await client.disconnect();
  }
}
