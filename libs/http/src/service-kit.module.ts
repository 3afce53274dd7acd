import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import Redis from 'ioredis';
import { AuthGuard, TokenVerifier } from '@motcua/auth';
import { SERVICE_CONFIG, type CommonServiceConfig } from '@motcua/config';
import { watchRedis } from '@motcua/messaging';
import { LOGGER, createLogger, type Logger } from '@motcua/observability';
import { HEALTH_CHECKS, HealthController, type HealthCheck } from './health.controller';
import { RequestTextInterceptor } from './request-text';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

type Queryable = { $queryRawUnsafe(query: string): Promise<unknown> };

/**
 * What every motcua service has: its validated configuration, the JSON logger,
 * token verification with the deny-by-default guard, the text check of every request,
 * Redis, and /health + /metrics
 * checking the service's own database (provided here, for every module) and Redis.
 */
@Module({})
export class ServiceKitModule {
  static forRoot(options: {
    service: string;
    config: CommonServiceConfig;
    database: Type<Queryable>;
  }): DynamicModule {
    const { config } = options;
    return {
      module: ServiceKitModule,
      global: true,
      controllers: [HealthController],
      providers: [
        options.database,
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: createLogger(options.service, config.LOG_LEVEL) },
        {
          provide: TokenVerifier,
          useValue: new TokenVerifier({
            jwksUrl: config.AUTH_JWKS_URL,
            issuer: config.AUTH_ISSUER,
            audience: config.AUTH_AUDIENCE,
            clockSkewSeconds: config.AUTH_CLOCK_SKEW_SECONDS,
            jwksCooldownSeconds: config.AUTH_JWKS_COOLDOWN_SECONDS,
          }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTextInterceptor },
        RedisLifecycle,
        {
          provide: REDIS,
          inject: [LOGGER],
          // ioredis reconnects by itself; watchRedis logs an outage once and handles its errors.
          useFactory: (logger: Logger) => {
            const redis = new Redis(config.REDIS_URL, {
              lazyConnect: false,
              maxRetriesPerRequest: 2,
            });
            watchRedis(redis, logger);
            return redis;
          },
        },
        {
          provide: HEALTH_CHECKS,
          inject: [options.database, REDIS],
          useFactory: (db: Queryable, redis: Redis): HealthCheck[] => [
            { name: 'database', check: async () => void (await db.$queryRawUnsafe('SELECT 1')) },
            { name: 'redis', check: async () => void (await redis.ping()) },
          ],
        },
      ],
      exports: [SERVICE_CONFIG, LOGGER, TokenVerifier, REDIS, options.database],
    };
  }
}
