import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { deadLetterTopicOf } from '@motcua/contracts';
import { EventConsumer, isDependencyUnavailable, KAFKA, PROJECTION_FETCH } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { ReportingDatabase, type ReportingTx } from '../reporting.database';
import { GenerationRepository, type Generation } from './generation.repository';
import { ProjectionSubscriptions } from './projection-subscriptions';

/**
 * Runs one consumer group per generation: the active one (live, notifying the dashboard) and a
 * building one while a rebuild replays the topics. Every few seconds it re-reads which
 * generation is active, so every instance follows a switch made by any of them.
 */
@Injectable()
export class ProjectionConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Identifies this process in change notices (only the instance that projected an event fans it out). */
  readonly instanceId = randomUUID();
  private readonly running = new Map<number, EventConsumer<ReportingTx>>();
  private activeGeneration = 0;
  private timer?: NodeJS.Timeout;
  private readonly switchListeners: ((generation: number) => void)[] = [];

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly db: ReportingDatabase,
    private readonly generations: GenerationRepository,
    private readonly subscriptions: ProjectionSubscriptions,
  ) {}

  get active(): number {
    return this.activeGeneration;
  }

  onSwitch(listener: (generation: number) => void): void {
    this.switchListeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.generations.ensureActive();
    await this.sync();
    // An unreachable database is logged once per outage by its connections; other failures each time.
    this.timer = setInterval(
      () =>
        void this.sync().catch(
          (err: unknown) =>
            isDependencyUnavailable(err) || this.logger.warn({ err }, 'generation sync failed'),
        ),
      2000,
    );
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.running.values()].map((c) => c.stop()));
    this.running.clear();
  }

  private syncing: Promise<void> = Promise.resolve();

  /** Starts the consumers of the active and building generations, stops the others (one sync at a time). */
  sync(): Promise<void> {
    const next = this.syncing.catch(() => undefined).then(() => this.syncOnce());
    this.syncing = next;
    return next;
  }

  private async syncOnce(): Promise<void> {
    const wanted = (await this.generations.list()).filter((g) => g.status !== 'retired');
    const active = wanted.find((g) => g.status === 'active');
    if (active && active.generation !== this.activeGeneration) {
      const previous = this.activeGeneration;
      this.activeGeneration = active.generation;
      if (previous !== 0) {
        this.logger.info(
          { from: previous, to: active.generation },
          'projection generation switched',
        );
        for (const listener of this.switchListeners) listener(active.generation);
      }
    }
    for (const generation of wanted)
      if (!this.running.has(generation.generation)) await this.start(generation);
    for (const [generation, consumer] of this.running) {
      if (!wanted.some((g) => g.generation === generation)) {
        this.running.delete(generation);
        await consumer.stop();
      }
    }
  }

  async start(generation: Generation): Promise<void> {
    const consumer = new EventConsumer<ReportingTx>({
      kafka: this.kafka,
      groupId: generation.groupId,
      deadLetterTopic: deadLetterTopicOf('reporting'),
      db: this.db.sql,
      subscriptions: this.subscriptions.forGeneration(generation.generation, () =>
        generation.generation === this.activeGeneration ? this.instanceId : undefined,
      ),
      logger: this.logger,
      fromBeginning: true,
      fetch: PROJECTION_FETCH,
    });
    this.running.set(generation.generation, consumer);
    await consumer.start();
    this.logger.info(
      { generation: generation.generation, groupId: generation.groupId, status: generation.status },
      'projection consumer started',
    );
  }
}
