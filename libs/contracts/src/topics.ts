const DAY_MS = 86_400_000;

/**
 * How long a topic keeps its messages (Kafka `cleanup.policy` and friends), declared per topic and
 * applied by the topic creation (infra/kafka/topics.txt → kafka.sh, container-broker.sh, the tests).
 * - `delete`: a message is kept `retentionDays` then deleted (the internal streams: a consumer may be
 *   down that long and still catch up; older history is in the producers' databases). Dead letters
 *   keep 30 days, the others 7.
 * - `compact`: the latest message of every key is kept forever, older ones of a key are removed once
 *   they are `keepHistoryDays` old. On the portal stream (one whole status per message, key = dossier
 *   code) reading from the beginning therefore gives the current status of EVERY dossier, and the
 *   whole history of the last `keepHistoryDays` (docs/adr/0018-portal-stream-synchronisation.md).
 */
export type TopicRetention =
  { cleanup: 'delete'; retentionDays: number } | { cleanup: 'compact'; keepHistoryDays: number };

/** The internal streams: 7 days, as long as the producers keep published outbox rows for a replay. */
const SEVEN_DAYS: TopicRetention = { cleanup: 'delete', retentionDays: 7 };
/** Dead letters: 30 days for an operator to look at them and replay what can be replayed. */
const THIRTY_DAYS: TopicRetention = { cleanup: 'delete', retentionDays: 30 };

/**
 * Every Kafka topic of motcua: one per aggregate family, key = aggregate id, plus
 * the public portal stream and one dead-letter topic per consuming service.
 * Tooling creates them before any service starts (see infra/kafka/topics.txt).
 */
export const TOPICS = {
  'catalog.procedure.v1': {
    partitions: 3,
    summary:
      'Procedure publication decisions and groups of procedures (key: procedure code, or group code)',
  },
  'catalog.review.v1': {
    partitions: 3,
    summary: 'Review campaigns and simplification proposals (key: campaign id)',
  },
  'catalog.agency.v1': {
    partitions: 1,
    summary: 'The agency tree of the province, whole with every publication (key: province code)',
    // Each message is the whole tree: compacted, a service starting late still finds the latest one.
    retention: { cleanup: 'compact', keepHistoryDays: 7 },
  },
  'dossiers.dossier.v1': { partitions: 6, summary: 'Dossier lifecycle (key: dossier id)' },
  'feedback.feedback.v1': {
    partitions: 3,
    summary: 'Feedback on regulations, PAKN (key: feedback id)',
  },
  'digitization.document.v1': {
    partitions: 3,
    summary: 'Digitized documents and results (key: applicant key)',
  },
  'portal.dossier-status.v1': {
    partitions: 6,
    summary:
      'Public, personal-data-minimised dossier status stream for the provincial / national portal (key: dossier code)',
    retention: { cleanup: 'compact', keepHistoryDays: 30 },
  },
  'portal.dossier-ack.v1': {
    partitions: 6,
    summary:
      'The portal’s acknowledgement of each dossier status it received (key: dossier code); produced outside motcua',
  },
  'dlq.catalog.v1': { partitions: 1, summary: 'Messages the catalog service could not accept' },
  'dlq.dossiers.v1': { partitions: 1, summary: 'Messages the dossier service could not accept' },
  'dlq.feedback.v1': { partitions: 1, summary: 'Messages the feedback service could not accept' },
  'dlq.digitization.v1': {
    partitions: 1,
    summary: 'Messages the digitization service could not accept',
  },
  'dlq.reporting.v1': { partitions: 1, summary: 'Messages the reporting service could not accept' },
} as const satisfies Record<
  string,
  { partitions: number; summary: string; retention?: TopicRetention }
>;

export type TopicName = keyof typeof TOPICS;

/**
 * How every topic is replicated on a cluster: three copies, and a write acknowledged by the
 * producers (acks=all) only once two of them have it, so one broker may be lost (or restarted)
 * at any time without losing an acknowledged event or refusing writes. A smaller cluster gets
 * what it can hold (see replicationOn): a single development broker keeps one copy.
 */
export const TOPIC_REPLICATION = { replicationFactor: 3, minInsyncReplicas: 2 } as const;

/**
 * The replication a topic is created with on a cluster of `brokers` nodes: the declared factor
 * capped at the cluster's size, and min.insync.replicas at most one below the factor (never
 * above it, which would refuse every write), at least 1. Mirrored by infra/kafka/KafkaAdmin.java
 * (`replicationOn`), which applies the columns of topics.txt.
 */
export function replicationOn(brokers: number): {
  replicationFactor: number;
  minInsyncReplicas: number;
} {
  const replicationFactor = Math.max(1, Math.min(TOPIC_REPLICATION.replicationFactor, brokers));
  const minInsyncReplicas = Math.max(
    1,
    Math.min(TOPIC_REPLICATION.minInsyncReplicas, replicationFactor - 1),
  );
  return { replicationFactor, minInsyncReplicas };
}

export const SERVICES = ['catalog', 'dossiers', 'feedback', 'digitization', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function deadLetterTopicOf(service: ServiceName): TopicName {
  return `dlq.${service}.v1`;
}

/** The retention of a topic: its own declaration, else 30 days for a dead-letter topic and 7 for the others. */
export function retentionOf(topic: TopicName): TopicRetention {
  const declared = TOPICS[topic] as { retention?: TopicRetention };
  return declared.retention ?? (topic.startsWith('dlq.') ? THIRTY_DAYS : SEVEN_DAYS);
}

/** The Kafka topic configuration of a topic's retention (what the topic creation sets). */
export function topicConfigOf(topic: TopicName): Record<string, string> {
  const retention = retentionOf(topic);
  if (retention.cleanup === 'delete') {
    return {
      'cleanup.policy': 'delete',
      'retention.ms': String(retention.retentionDays * DAY_MS),
    };
  }
  return {
    'cleanup.policy': 'compact',
    // Superseded statuses stay readable this long (a consumer that far behind still sees each one).
    'min.compaction.lag.ms': String(retention.keepHistoryDays * DAY_MS),
    // No tombstones are published; should one ever be, it stays a day for consumers to see it.
    'delete.retention.ms': String(DAY_MS),
  };
}
