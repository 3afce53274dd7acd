import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  INBOX_TRANSPORT,
  isDependencyUnavailable,
  PROJECTION_FETCH,
  REPLAY_FETCH,
  type InboxTransport,
} from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { GenerationRepository, type Generation } from './generation.repository';

type Running = { groupId: string; stop: () => Promise<void> };

/**
 * Runs one consumer group per generation (groups of the inbox transport, whose `@EventPattern`
 * handler is ProjectionHandlers): the active one (live, notifying the dashboard) and a
 * building one while a rebuild replays the topics. Every few seconds it re-reads which
 * generation is active, so every instance follows a switch made by any of them.
 */
@Injectable()
export class ProjectionConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Identifies this process in change notices (only the instance that projected an event fans it out). */
  readonly instanceId = randomUUID();
  private readonly running = new Map<number, Running>();
  private activeGeneration = 0;
  private timer?: NodeJS.Timeout;
  private readonly switchListeners: ((generation: number) => void)[] = [];

  constructor(
    @Inject(INBOX_TRANSPORT) private readonly transport: InboxTransport,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly generations: GenerationRepository,
  ) {}

  get active(): number {
    return this.activeGeneration;
  }

  /** The generation a running consumer group projects. */
  generationOf(groupId: string): number {
    for (const [generation, running] of this.running)
      if (running.groupId === groupId) return generation;
    throw new Error(`consumer group ${groupId} projects no running generation`);
  }

  /** This instance's id when `generation` is the active one (its changes are fanned out), else undefined. */
  notifierOf(generation: number): string | undefined {
    return generation === this.activeGeneration ? this.instanceId : undefined;
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

  /** A sync in flight ends first; none starts a consumer group afterwards (a rebuild's switch finishing meanwhile). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.syncing.catch(() => undefined);
    await Promise.all([...this.running.values()].map((running) => running.stop()));
    this.running.clear();
  }

  private syncing: Promise<void> = Promise.resolve();
  private stopping = false;

  /** Starts the consumers of the active and building generations, stops the others (one sync at a time). */
  sync(): Promise<void> {
    const next = this.syncing.catch(() => undefined).then(() => this.syncOnce());
    this.syncing = next;
    return next;
  }

  private async syncOnce(): Promise<void> {
    if (this.stopping) return;
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
    for (const [generation, running] of this.running) {
      if (!wanted.some((g) => g.generation === generation)) {
        this.running.delete(generation);
        await running.stop();
      }
    }
  }

  async start(generation: Generation): Promise<void> {
    const { groupId } = generation;
    // Known before the first event arrives: the handler asks which generation the group projects.
    this.running.set(generation.generation, {
      groupId,
      stop: () => this.transport.stopGroup(groupId),
    });
    try {
      // A building generation replays the topics: larger chunks (it keeps them once switched to; live batches are small).
      const fetch = generation.status === 'building' ? REPLAY_FETCH : PROJECTION_FETCH;
      await this.transport.startGroup({ groupId, fromBeginning: true, fetch });
    } catch (error) {
      this.running.delete(generation.generation);
      throw error;
    }
    this.logger.info(
      { generation: generation.generation, groupId, status: generation.status },
      'projection consumer started',
    );
  }
}
