import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { CONSUMERS } from '@motcua/contracts';
import { DomainProblem } from '@motcua/http';
import { isDependencyUnavailable, KAFKA } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { GenerationRepository, type Generation } from '../projections/generation.repository';
import { ProjectionConsumers } from '../projections/projection-consumers.service';

export type RebuildState = {
  generations: Generation[];
  building?: { generation: number; lag: number | null };
};

const TOPICS = [...new Set(CONSUMERS.reporting.map((c) => c.topic))];

/**
 * Rebuild: a new generation's consumer group replays every topic from the beginning while the
 * active generation keeps serving; when its lag reaches 0 the active generation switches.
 */
@Injectable()
export class RebuildService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private lastLag: number | null = null;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly generations: GenerationRepository,
    private readonly consumers: ProjectionConsumers,
  ) {}

  onApplicationBootstrap(): void {
    // An unreachable database is logged once per outage by its connections; other failures each time.
    this.timer = setInterval(
      () =>
        void this.watch().catch(
          (err: unknown) =>
            isDependencyUnavailable(err) || this.logger.warn({ err }, 'rebuild watch failed'),
        ),
      500,
    );
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async start(): Promise<Generation> {
    const { created, generation } = await this.generations.createBuilding();
    if (!created) {
      throw new DomainProblem(
        409,
        'rebuild-in-progress',
        'A rebuild is already running',
        `generation ${generation.generation} is still catching up`,
        {
          generation: generation.generation,
        },
      );
    }
    this.logger.info({ generation: generation.generation }, 'projection rebuild started');
    await this.consumers.sync();
    return generation;
  }

  async state(): Promise<RebuildState> {
    const generations = await this.generations.list();
    const building = generations.find((g) => g.status === 'building');
    return {
      generations,
      ...(building ? { building: { generation: building.generation, lag: this.lastLag } } : {}),
    };
  }

  /** Switches to the building generation once it has consumed everything written so far. */
  private async watch(): Promise<void> {
    const [building] = await this.generations.building();
    if (!building) return;
    const lag = await this.lagOf(building.groupId);
    this.lastLag = lag;
    if (lag !== 0) return;
    await this.generations.activate(building.generation);
    this.logger.info(
      { generation: building.generation },
      'projection rebuild caught up: generation switched',
    );
    await this.consumers.sync();
    await this.generations.purgeRetired();
  }

  /** Messages not yet committed by the group over every partition of the subscribed topics. */
  async lagOf(groupId: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId, topics: TOPICS });
      let lag = 0;
      for (const topic of TOPICS) {
        const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const end of await admin.fetchTopicOffsets(topic)) {
          const offset = Number(
            partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
          );
          const at = offset >= 0 ? offset : Number(end.low);
          lag += Math.max(Number(end.high) - at, 0);
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }
}
