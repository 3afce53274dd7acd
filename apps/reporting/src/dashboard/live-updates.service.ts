import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type Redis from 'ioredis';
import {
  asyncScheduler,
  filter,
  interval,
  map,
  merge,
  Subject,
  throttleTime,
  type Observable,
} from 'rxjs';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { REDIS } from '@motcua/http';
import { PgListener, watchRedis } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { CHANGE_CHANNEL, type ChangeNotice } from '../projections/change-notice.repository';
import { ProjectionConsumers } from '../projections/projection-consumers.service';

/** Redis pub/sub channel that fans projection changes out to every reporting instance. */
export const REDIS_CHANNEL = 'motcua.reporting.changes';

export type LiveMessage = {
  data: { kind: 'changed' | 'ping'; type?: string; generation?: number };
};

/**
 * Live fan-out: PostgreSQL NOTIFY (sent inside the projection's transaction, so delivered only
 * after commit) → the instance that projected the event publishes to Redis → every instance's
 * subscribers push a server-sent event to their browsers, which then re-read the figures.
 * Both connections outlive their servers: the listener listens again after a database restart
 * (and tells browsers to re-read, as notices may have been missed), ioredis re-subscribes after a
 * Redis restart; browsers' streams stay open meanwhile (heartbeats keep coming).
 */
@Injectable()
export class LiveUpdatesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly changes = new Subject<ChangeNotice>();
  private listener?: PgListener;
  private subscriber?: Redis;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: CommonServiceConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly consumers: ProjectionConsumers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.changes.next(JSON.parse(message) as ChangeNotice);
      } catch {
        this.logger.warn({ message }, 'unreadable live change notice');
      }
    });
    watchRedis(this.subscriber, this.logger);
    await this.subscriber.subscribe(REDIS_CHANNEL);
    this.listener = new PgListener({
      connectionString: this.config.DATABASE_URL,
      channels: [CHANGE_CHANNEL],
      onNotification: (_channel, payload) => void this.onNotification(payload),
      onReconnect: () =>
        this.changes.next({
          instance: this.consumers.instanceId,
          generation: this.consumers.active,
          type: 'reconnected',
        }),
      logger: this.logger,
    });
    await this.listener.start();
    this.consumers.onSwitch((generation) =>
      this.changes.next({
        instance: this.consumers.instanceId,
        generation,
        type: 'generation-switched',
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.changes.complete();
    await this.listener?.stop();
    this.subscriber?.disconnect();
  }

  private async onNotification(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const notice = JSON.parse(payload) as ChangeNotice;
    if (notice.instance !== this.consumers.instanceId) return;
    await this.redis
      .publish(REDIS_CHANNEL, payload)
      .catch((err: unknown) => this.logger.warn({ err }, 'live change not published'));
  }

  /** Server-sent events for one browser: changes that may touch its filter, at most ~4 per second, and a heartbeat. */
  stream(agency?: string, domain?: string): Observable<LiveMessage> {
    const relevant = this.changes.pipe(
      filter(
        (n) =>
          (!agency || !n.agencyCode || n.agencyCode === agency) &&
          (!domain || !n.domainCode || n.domainCode === domain),
      ),
      throttleTime(250, asyncScheduler, { leading: true, trailing: true }),
      map((n): LiveMessage => ({
        data: { kind: 'changed', type: n.type, generation: n.generation },
      })),
    );
    const ping = interval(15000).pipe(map((): LiveMessage => ({ data: { kind: 'ping' } })));
    return merge(relevant, ping);
  }
}
