import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
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

/** How often the building generation's lag is checked, and how often which generation builds is re-read. */
const LAG_EVERY_MS = 200;
const GENERATION_EVERY_MS = 2000;

/**
 * Rebuild: a new generation's consumer group replays every topic from the beginning while the
 * active generation keeps serving; when its lag reaches 0 the active generation switches. The lag
 * is read often (a replay ends between two checks) over one kept admin connection; which generation
 * builds is re-read less often (another instance may start a rebuild or switch). At shutdown a
 * check in flight, a switch included, finishes before the connections close.
 */
@Injectable()
export class RebuildService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private lastLag: number | null = null;
  private admin?: Promise<Admin>;
  private building?: { generation: Generation | undefined; readAt: number };
  private watching?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly generations: GenerationRepository,
    private readonly consumers: ProjectionConsumers,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), LAG_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.watching;
    await this.closeAdmin();
  }

  /** One check at a time; an unreachable database is logged once per outage by its connections, other failures each time. */
  private tick(): void {
    if (this.watching || this.stopping) return;
    this.watching = this.watch()
      .catch((err: unknown) => {
        if (!isDependencyUnavailable(err)) this.logger.warn({ err }, 'rebuild watch failed');
        return this.closeAdmin();
      })
      .finally(() => {
        this.watching = undefined;
      });
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
    this.building = undefined;
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
    const building = await this.buildingGeneration();
    if (!building) return;
    const lag = await this.lagOf(building.groupId);
    this.lastLag = lag;
    if (lag !== 0) return;
    await this.generations.activate(building.generation);
    this.building = undefined;
    this.logger.info(
      { generation: building.generation },
      'projection rebuild caught up: generation switched',
    );
    await this.consumers.sync();
    await this.generations.purgeRetired();
  }

  /** The building generation, re-read every GENERATION_EVERY_MS (and after a start or a switch here). */
  private async buildingGeneration(): Promise<Generation | undefined> {
    if (!this.building || Date.now() - this.building.readAt >= GENERATION_EVERY_MS) {
      const [generation] = await this.generations.building();
      this.building = { generation, readAt: Date.now() };
    }
    return this.building.generation;
  }

  /** The kept admin connection, opened on first use (again after a failed check). */
  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private async closeAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  /** Messages not yet committed by the group over every partition of the subscribed topics. */
  private async lagOf(groupId: string): Promise<number> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics: TOPICS });
    let lag = 0;
    for (const topic of TOPICS) {
      const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        const at = offset >= 0 ? offset : Number(end.low);
        lag += Math.max(Number(end.high) - at, 0);
      }
    }
    return lag;
  }
}
