import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@motcua/observability';

/** Messaging metrics (Prometheus), read by operators' dashboards and alerts. */
export const outboxBacklog = new Gauge({
  name: 'motcua_outbox_backlog',
  help: 'Outbox rows committed but not yet published, as the relay last read them (counted in full when more than a batch waits)',
  registers: [metricsRegistry],
});
export const outboxOldestAge = new Gauge({
  name: 'motcua_outbox_oldest_age_seconds',
  help: 'Age of the oldest unpublished outbox row',
  registers: [metricsRegistry],
});
export const publishLatency = new Histogram({
  name: 'motcua_outbox_publish_latency_seconds',
  help: 'Time from commit of an outbox row to its acknowledgement by Kafka',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});
export const eventsConsumed = new Counter({
  name: 'motcua_events_consumed_total',
  help: 'Events handled by a consumer group, by outcome',
  labelNames: ['group', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});
export const eventsDeadLettered = new Counter({
  name: 'motcua_events_dead_lettered_total',
  help: 'Messages sent to the dead-letter topic',
  labelNames: ['group', 'topic', 'reason'] as const,
  registers: [metricsRegistry],
});
export const consumerLag = new Gauge({
  name: 'motcua_consumer_lag',
  help: 'Messages behind the end of each partition, per consumer group',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});
export const chunkEvents = new Histogram({
  name: 'motcua_consumer_chunk_events',
  help: 'Events applied together in one transaction by a consumer group',
  labelNames: ['group'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200],
  registers: [metricsRegistry],
});
export const relayBatchRows = new Histogram({
  name: 'motcua_outbox_batch_rows',
  help: 'Outbox rows the relay published in one batch',
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
  registers: [metricsRegistry],
});
export const relayLeader = new Gauge({
  name: 'motcua_outbox_relay_leader',
  help: '1 while this instance holds the outbox relay lead of its database (one instance per database should)',
  registers: [metricsRegistry],
});
export const periodicJobLastSuccess = new Gauge({
  name: 'motcua_periodic_job_last_success_timestamp_seconds',
  help: 'When a periodic job (deadline watch, scheduled announcements) last finished a pass',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});
export const periodicJobInterval = new Gauge({
  name: 'motcua_periodic_job_interval_seconds',
  help: 'How often a periodic job runs its pass',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});
