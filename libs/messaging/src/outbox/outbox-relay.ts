import type { Client, Pool, PoolClient } from 'pg';
import type { Kafka } from 'kafkajs';
import { toKafkaRecord, type CloudEvent } from '@motcua/contracts';
import { SpanKind, startWorkSpan, type Logger } from '@motcua/observability';
import { localOutboxCommits, OUTBOX_CHANNEL } from './event-sink';
import { RelayProducer } from './relay-producer';
import { Outage } from '../connections/outage';
import { createPgClient, createPgPool } from '../connections/pg-connections';
import { isDatabaseUnavailable } from '../connections/unavailable';
import {
  outboxBacklog,
  outboxOldestAge,
  publishLatency,
  relayBatchRows,
  relayLeader,
} from '../metrics';

export type OutboxRelayOptions = {
  databaseUrl: string;
  kafka: Kafka;
  logger: Logger;
  batchSize?: number;
  /** Safety net for a lost notification (e.g. after a reconnect); notifications carry the normal load. */
  idlePollMs?: number;
  /** Published rows are kept this long (for audits and replays), then deleted. Default 7 days. */
  retentionHours?: number;
  /** Test hook: runs after Kafka acknowledged a batch and before the rows are marked published. */
  afterPublish?: (eventIds: string[]) => Promise<void>;
};

type OutboxRow = {
  position: string;
  topic: string;
  event_key: string;
  envelope: CloudEvent;
  created_at: Date;
};

/** A 64-bit advisory lock key shared by all relay instances of one database. */
const LEADER_LOCK = 7_391_004_211;

/**
 * Publishes committed outbox rows to Kafka in commit order per key.
 * - Low latency: LISTEN/NOTIFY wakes it on every commit; an idle poll is only a safety net.
 * - One leader per database (advisory lock) and FOR UPDATE SKIP LOCKED, so several
 *   instances can run without publishing the same key out of order.
 * - acks=all, one request in flight, and a batch counts as published only when Kafka acknowledged
 *   every partition it went to (RelayProducer, ADR 0028). If Kafka is down the rows stay and the
 *   relay retries with backoff; nothing is lost.
 * - At-least-once: a crash after the broker's ack and before marking re-publishes the
 *   batch; consumers drop the duplicates through their inbox.
 * - Pipelined: a batch is marked while the next one is read and sent (see drainOnce).
 * - Survives its database: when PostgreSQL goes away (a crash, a restart, a failover) the lock's
 *   session ends with it; the relay retries with backoff (at most 5 s), then takes the lead again
 *   and listens again. An outage of the database or of Kafka is logged once, not per retry.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private listener?: Client;
  private producer?: RelayProducer;
  private producerConnected = false;
  private running = false;
  private leads = false;
  /** Whether this instance holds the lead of its database (UnitOfWork.relayedLocallyBy). */
  get leading(): boolean {
    return this.leader;
  }
  /** Whether this instance holds the lead of its database; kept in step with its gauge. */
  private get leader(): boolean {
    return this.leads;
  }
  private set leader(value: boolean) {
    this.leads = value;
    relayLeader.set(value ? 1 : 0);
  }
  private wake?: () => void;
  private notified = false;
  private loop?: Promise<void>;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private lastPrune = 0;
  private lastExactCount = 0;
  private lastVacuum = 0;
  private changedSinceVacuum = 0;
  private vacuuming = false;
  /** The mark of the last batch sent, committing while the next one is read and sent. */
  private marking: Promise<void> = Promise.resolve();
  /** Publishing stalled for Kafka (the database's outages are logged by its connections). */
  private readonly kafkaOutage: Outage;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pool = createPgPool(
      { connectionString: options.databaseUrl, max: 2 },
      { logger: options.logger },
    );
    this.kafkaOutage = new Outage('outbox relay: Kafka', options.logger);
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 1000;
  }

  private readonly onLocalCommit = () => {
    if (!this.leader) return;
    this.notified = true;
    this.wake?.();
  };

  start(): void {
    if (this.running) return;
    this.running = true;
    localOutboxCommits.on('commit', this.onLocalCommit);
    this.producer = new RelayProducer(this.options.kafka);
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    localOutboxCommits.off('commit', this.onLocalCommit);
    this.wake?.();
    await this.loop;
    await this.marking;
    await this.listener?.end().catch(() => undefined);
    if (this.producerConnected) await this.producer?.producer.disconnect().catch(() => undefined);
    await this.pool.end();
  }

  private async runLoop(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      try {
        if (!this.leader) await this.becomeLeader();
        if (this.leader) {
          const published = await this.drainOnce();
          backoff = 100;
          this.kafkaOutage.recovered();
          await this.pruneIfDue();
          this.vacuumIfDue();
          if (published === this.batchSize) continue;
        }
        await this.sleep(this.leader ? this.idlePollMs : 2000);
      } catch (error) {
        this.reportFailure(error);
        await this.resetConnections(isDatabaseUnavailable(error));
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  private async becomeLeader(): Promise<void> {
    const listener = createPgClient(
      { connectionString: this.options.databaseUrl },
      { logger: this.options.logger },
    );
    try {
      await listener.connect();
    } catch (error) {
      await listener.end().catch(() => undefined);
      throw error;
    }
    const { rows } = await listener.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS ok',
      [LEADER_LOCK],
    );
    if (!rows[0]?.ok) {
      await listener.end();
      return;
    }
    listener.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    listener.on('end', () => {
      this.leader = false;
    });
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = listener;
    this.leader = true;
    this.options.logger.info('outbox relay: leading this database');
  }

  /**
   * Publishes one batch; returns how many rows it published. Once Kafka acknowledged the batch, its
   * rows are marked and committed on their own connection while the next batch is read and sent:
   * until that commit the rows stay locked, so the next read skips them, and sends stay in order.
   * If a mark fails, its rows are published again later; consumers drop the duplicates.
   */
  private async drainOnce(): Promise<number> {
    const client = await this.pool.connect();
    let handedOver = false;
    try {
      this.notified = false;
      // The mark "published" need not wait for its WAL flush: if the server crashes before the
      // flush, the rows are published again, and consumers drop duplicates through their inbox.
      await client.query('BEGIN; SET LOCAL synchronous_commit TO off');
      const { rows } = await client.query<OutboxRow>({
        name: 'motcua_outbox_batch',
        text: `SELECT position, topic, event_key, envelope, created_at FROM outbox_event
          WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
        values: [this.batchSize],
      });
      this.observeBacklog(rows.length, rows[0]?.created_at);
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await this.publish(rows);
      await this.marking; // one mark in flight at a time
      this.marking = this.markPublished(client, rows);
      handedOver = true;
      if (rows.length === this.batchSize && Date.now() - this.lastExactCount >= 10_000) {
        // More rows wait than one batch holds: count them (at most every 10 s; it reads them all).
        this.lastExactCount = Date.now();
        await this.countBacklog();
      }
      return rows.length;
    } catch (error) {
      if (!handedOver) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      if (!handedOver) client.release();
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const producer = this.producer!;
    if (!this.producerConnected) {
      await producer.producer.connect();
      this.producerConnected = true;
    }
    const byTopic = new Map<string, ReturnType<typeof toKafkaRecord>[]>();
    for (const row of rows) {
      const records = byTopic.get(row.topic) ?? [];
      records.push(toKafkaRecord(row.envelope, row.event_key));
      byTopic.set(row.topic, records);
    }
    // With tracing on: a producer span per event, child of the request that wrote it.
    const spans = rows.map((row) =>
      startWorkSpan(`publish ${row.envelope.type}`, SpanKind.PRODUCER, row.envelope.traceparent, {
        'messaging.system': 'kafka',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.envelope.id,
      }),
    );
    try {
      await producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    } catch (error) {
      for (const span of spans) span.end(error);
      throw error;
    }
    for (const span of spans) span.end();
    await this.options.afterPublish?.(rows.map((r) => r.envelope.id));
  }

  /** Marks an acknowledged batch and commits its transaction, then gives the connection back. */
  private async markPublished(client: PoolClient, rows: OutboxRow[]): Promise<void> {
    try {
      await client.query({
        name: 'motcua_outbox_mark',
        text: 'UPDATE outbox_event SET published_at = now() WHERE position = ANY($1::bigint[])',
        values: [rows.map((r) => r.position)],
      });
      await client.query('COMMIT');
      relayBatchRows.observe(rows.length);
      this.changedSinceVacuum += rows.length;
      const now = Date.now();
      for (const row of rows) publishLatency.observe((now - row.created_at.getTime()) / 1000);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.options.logger.warn(
        { err: error, rows: rows.length },
        'outbox relay: marking a published batch failed; its rows will be published again',
      );
    } finally {
      client.release();
    }
  }

  /** Deletes long-published rows, at most once an hour and a bounded number at a time. */
  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = Date.now();
    const hours = this.options.retentionHours ?? 24 * 7;
    const deleted = await this.pool.query(
      `DELETE FROM outbox_event WHERE position IN (
         SELECT position FROM outbox_event WHERE published_at < now() - make_interval(hours => $1) LIMIT 50000)`,
      [hours],
    );
    this.changedSinceVacuum += deleted.rowCount ?? 0;
  }

  /** The backlog as the relay's read found it: the rows waiting (up to a batch) and the oldest one. */
  private observeBacklog(waiting: number, oldest: Date | undefined): void {
    outboxBacklog.set(waiting);
    outboxOldestAge.set(oldest ? (Date.now() - oldest.getTime()) / 1000 : 0);
  }

  private async countBacklog(): Promise<void> {
    const { rows } = await this.pool.query<{ backlog: string }>(
      'SELECT count(*) AS backlog FROM outbox_event WHERE published_at IS NULL',
    );
    outboxBacklog.set(Number(rows[0]?.backlog ?? 0));
  }

  /**
   * VACUUM of the outbox after every 20,000 rows marked or deleted, at most every 5 minutes: each
   * publication leaves a dead row version behind, and where autovacuum is off or slow (it is off on
   * some managed and test servers) the dead versions would pile up under the relay's own reads.
   * It runs beside the relay on a connection of its own, never in the publishing loop's way.
   */
  private vacuumIfDue(): void {
    if (
      this.vacuuming ||
      this.changedSinceVacuum < 20_000 ||
      Date.now() - this.lastVacuum < 300_000
    )
      return;
    this.vacuuming = true;
    this.changedSinceVacuum = 0;
    this.lastVacuum = Date.now();
    const client = createPgClient(
      { connectionString: this.options.databaseUrl },
      { logger: this.options.logger },
    );
    void client
      .connect()
      .then(() => client.query('VACUUM (ANALYZE) outbox_event'))
      .catch((error: Error) =>
        this.options.logger.warn(
          { err: error },
          'outbox relay: VACUUM of outbox_event failed; autovacuum must keep it lean',
        ),
      )
      .finally(() => {
        this.vacuuming = false;
        void client.end().catch(() => undefined);
      });
  }

  /** A database outage is logged by its connections, a Kafka one once here; anything else each time. */
  private reportFailure(error: unknown): void {
    if (isDatabaseUnavailable(error)) return;
    if ((error as Error)?.name?.startsWith('KafkaJS')) return this.kafkaOutage.failed(error);
    this.options.logger.warn({ err: error }, `outbox relay: ${(error as Error).message}; retrying`);
  }

  /** After a failure: the lead is given up and taken again; the producer too unless the database failed. */
  private async resetConnections(databaseFailed: boolean): Promise<void> {
    if (this.producerConnected && !databaseFailed) {
      this.producerConnected = false;
      await this.producer?.producer.disconnect().catch(() => undefined);
    }
    if (this.leader) {
      this.leader = false;
      await this.listener?.end().catch(() => undefined);
      this.listener = undefined;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.notified || !this.running) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
