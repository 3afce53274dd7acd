import type { Kafka } from 'kafkajs';
import { consumerLag } from '../metrics';

/** Refreshes the consumer-lag gauge every `intervalMs` from the group's committed offsets. */
export function startLagMonitor(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  intervalMs = 15000,
): () => void {
  const admin = kafka.admin();
  let connected = false;
  const refresh = async () => {
    try {
      if (!connected) {
        await admin.connect();
        connected = true;
      }
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const end = Number(ends.find((e) => e.partition === partition)?.high ?? 0);
          const at = Number(offset) < 0 ? 0 : Number(offset);
          consumerLag.set(
            { group: groupId, topic, partition: String(partition) },
            Math.max(end - at, 0),
          );
        }
      }
    } catch {
      // lag is advisory; the next round tries again
    }
  };
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (connected) void admin.disconnect().catch(() => undefined);
  };
}
