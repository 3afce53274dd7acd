import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { REDIS } from '@motcua/http';
import { PgListener, watchRedis } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { CHANGE_CHANNEL, type ChangeNotice } from '../projections/change-notice.repository';
import { ProjectionConsumers } from '../projections/projection-consumers.service';

/**
 * Redis pub/sub channel that fans projection changes out to every reporting instance of one read
 * model: named after its database server and name, as pub/sub ignores Redis's database numbers and two
 * deployments (or test runs) may share a Redis server.
 */
export function changeChannelOf(databaseUrl: string): string {
  const { host, pathname } = new URL(databaseUrl);
  return `motcua.reporting.changes:${host}${pathname}`;
}

/**
 * The fan-out of projection changes to every reporting instance: PostgreSQL NOTIFY (sent inside
 * the projection's transaction, so delivered only after commit) → the instance that projected the
 * event publishes to Redis → every instance's subscriber emits the notice. Both connections
 * outlive their servers: after the database listener reconnects, a `reconnected` notice goes to
 * every instance (notices may have been missed meanwhile); after Redis reconnects, the
 * subscription is made again and a `resubscribed` notice emitted here. `listening` says whether
 * every change is being heard: false from a lost Redis connection until the subscription answers
 * again (what depends on the notices, such as the figures' answer cache, must not trust itself then).
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly changes = new Subject<ChangeNotice>();
  private listener?: PgListener;
  private subscriber?: Redis;
  private subscribed = false;
  private readonly channel: string;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: CommonServiceConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly consumers: ProjectionConsumers,
  ) {
    this.channel = changeChannelOf(config.DATABASE_URL);
  }

  /** Every change notice of every instance, and this instance's reconnections and generation switches. */
  get notices(): Observable<ChangeNotice> {
    return this.changes.asObservable();
  }

  /** True while the Redis subscription is known to hear every change. */
  get listening(): boolean {
    return this.subscribed;
  }

  async onApplicationBootstrap(): Promise<void> {
    const subscriber = this.redis.duplicate({ autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.changes.next(JSON.parse(message) as ChangeNotice);
      } catch {
        this.logger.warn({ message }, 'unreadable live change notice');
      }
    });
    subscriber.on('close', () => {
      this.subscribed = false;
    });
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (!connectedBefore) {
        connectedBefore = true;
        return;
      }
      void this.subscribe(subscriber).then(
        () => this.local('resubscribed'),
        (err: unknown) => this.logger.warn({ err }, 'live changes not subscribed again'),
      );
    });
    watchRedis(subscriber, this.logger);
    await this.subscribe(subscriber);
    this.listener = new PgListener({
      connectionString: this.config.DATABASE_URL,
      channels: [CHANGE_CHANNEL],
      onNotification: (_channel, payload) => void this.onNotification(payload),
      // This instance's notices of the outage are lost: every instance is told to forget and re-read.
      onReconnect: () => void this.publish(JSON.stringify(this.noticeOf('reconnected'))),
      logger: this.logger,
    });
    await this.listener.start();
    this.consumers.onSwitch(() => this.local('generation-switched'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscribed = false;
    this.changes.complete();
    await this.listener?.stop();
    this.subscriber?.disconnect();
  }

  /** Subscribes; listening once Redis has answered (commands on one connection are answered in order). */
  private async subscribe(subscriber: Redis): Promise<void> {
    await subscriber.subscribe(this.channel);
    this.subscribed = true;
  }

  private noticeOf(type: string): ChangeNotice {
    return { instance: this.consumers.instanceId, generation: this.consumers.active, type };
  }

  private local(type: string): void {
    this.changes.next(this.noticeOf(type));
  }

  private async onNotification(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const notice = JSON.parse(payload) as ChangeNotice;
    if (notice.instance !== this.consumers.instanceId) return;
    await this.publish(payload);
  }

  private async publish(payload: string): Promise<void> {
    await this.redis
      .publish(this.channel, payload)
      .catch((err: unknown) => this.logger.warn({ err }, 'live change not published'));
  }
}
