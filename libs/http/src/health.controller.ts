import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Public } from '@motcua/auth';
import { runningVersion } from '@motcua/observability';
import { z } from 'zod';
import { ApiZodResponse } from './openapi/openapi.decorators';
import { sendJson, type HttpReply } from './reply';
import { isDraining } from './shutdown';

/** `version`: the release the process runs (its service's version, as in motcua_build_info). */
const liveness = z.object({ status: z.literal('up'), uptimeSeconds: z.int(), version: z.string() });
const readiness = z.object({
  status: z.enum(['up', 'down', 'draining']),
  checks: z.array(
    z.object({ name: z.string(), status: z.enum(['up', 'down']), error: z.string().optional() }),
  ),
});

/** A dependency the service needs to do its work (database, Redis, Kafka). */
export type HealthCheck = { name: string; check: () => Promise<void> };
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

type Reply = HttpReply;

@Controller()
export class HealthController {
  constructor(@Optional() @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[] = []) {}

  /**
   * Liveness: the process runs and its event loop answers. Always 200 while it does, whatever the
   * state of the database, Redis or Kafka, so an orchestrator does not restart a service that only
   * waits for a server to return (it recovers by itself; see docs/operations/drills.md).
   */
  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: 200 while the process runs, whatever its dependencies' })
  @ApiZodResponse(200, liveness, 'The process runs')
  @Public()
  live(@Res() reply: Reply): void {
    sendJson(reply, 200, {
      status: 'up',
      uptimeSeconds: Math.round(process.uptime()),
      version: runningVersion() ?? 'unknown',
    });
  }

  /**
   * Readiness: 200 when every dependency answers, 503 (with Retry-After) naming the ones that do
   * not, so a load balancer sends no traffic meanwhile. `/health` is the same report.
   */
  @Get(['health/ready', 'health'])
  @ApiOperation({
    summary: 'Readiness: 200 when every dependency answers, 503 naming those that do not',
  })
  @ApiZodResponse(200, readiness, 'Every dependency answers')
  @ApiZodResponse(
    503,
    readiness,
    'A dependency does not answer, or the service is draining (Retry-After)',
  )
  @Public()
  async ready(@Res() reply: Reply): Promise<void> {
    if (isDraining()) {
      // Shutting down (SIGTERM): the load balancer takes this instance out while it drains.
      sendJson(reply, 503, { status: 'draining', checks: [] }, { 'Retry-After': '5' });
      return;
    }
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
    sendJson(
      reply,
      up ? 200 : 503,
      { status: up ? 'up' : 'down', checks: results },
      up ? {} : { 'Retry-After': '5' },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
