import { Controller, Get, HttpCode, Inject, Optional, Res, Header } from '@nestjs/common';
import { Public } from '@motcua/auth';
import { metricsRegistry } from '@motcua/observability';

/** A dependency the service needs to do its work (database, Redis, Kafka). */
export type HealthCheck = { name: string; check: () => Promise<void> };
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

type Reply = { status(code: number): Reply; json(body: unknown): void };

@Controller()
export class HealthController {
  constructor(@Optional() @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[] = []) {}

  /** Liveness and readiness: 200 when every dependency answers, 503 naming the ones that do not. */
  @Get('health')
  @Public()
  async health(@Res() reply: Reply): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), 2000);
          return { name, status: 'up' as const };
        } catch (error) {
          return { name, status: 'down' as const, error: (error as Error).message };
        }
      }),
    );
    const up = results.every((r) => r.status === 'up');
    reply.status(up ? 200 : 503).json({ status: up ? 'up' : 'down', checks: results });
  }

  /** Prometheus metrics for operators. */
  @Get('metrics')
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
