import { Gauge } from 'prom-client';
import { createLogger, metricsRegistry, type Logger } from '@motcua/observability';

export const dependencyUp = new Gauge({
  name: 'motcua_dependency_up',
  help: 'Whether a server the service needs (PostgreSQL, Redis, Kafka) answered its last connection: 1 up, 0 down',
  labelNames: ['dependency'] as const,
  registers: [metricsRegistry],
});

let fallbackLogger: Logger | undefined;
/** The logger of connection holders built outside Nest's injection (tests, scripts). */
export function connectionsLogger(): Logger {
  return (fallbackLogger ??= createLogger(process.env.MOTCUA_SERVICE ?? 'motcua'));
}

/**
 * One dependency's outages as the process sees them: the first failure of an outage is logged
 * (warn), the rest are counted silently until the dependency answers again, which is logged (info)
 * with how long it was down. So a 15-second PostgreSQL restart under load writes two lines, not
 * one per request, per pooled connection or per retry. `down` lets readiness and callers fail fast.
 */
export class Outage {
  private since?: number;
  private failures = 0;

  /** `gauge`: also kept in motcua_dependency_up (for a server; not for a holder's own outages). */
  constructor(
    readonly dependency: string,
    private readonly logger: Logger = connectionsLogger(),
    private readonly gauge = false,
  ) {
    if (gauge) dependencyUp.set({ dependency }, 1);
  }

  get down(): boolean {
    return this.since !== undefined;
  }

  /** A failure that says the dependency is unreachable; logged once per outage. */
  failed(error: unknown): void {
    this.failures += 1;
    if (this.since !== undefined) return;
    this.since = Date.now();
    if (this.gauge) dependencyUp.set({ dependency: this.dependency }, 0);
    this.logger.warn(
      { err: error, dependency: this.dependency },
      `${this.dependency} unreachable (${(error as Error)?.message ?? String(error)}); retrying until it returns, further failures are not logged`,
    );
  }

  /** The dependency answered: ends the outage, if one was running. */
  recovered(): void {
    if (this.since === undefined) return;
    const downMs = Date.now() - this.since;
    this.logger.info(
      { dependency: this.dependency, downMs, failures: this.failures },
      `${this.dependency} reachable again after ${Math.round(downMs / 100) / 10} s`,
    );
    this.since = undefined;
    this.failures = 0;
    if (this.gauge) dependencyUp.set({ dependency: this.dependency }, 1);
  }
}

const outages = new Map<string, Outage>();

/**
 * The one Outage of a dependency in this process, shared by every holder of its connections
 * (Prisma's pool, the relay, listeners), so an outage is logged once, not once per holder.
 */
export function outageOf(dependency: string, logger?: Logger): Outage {
  let outage = outages.get(dependency);
  if (!outage) {
    outage = new Outage(dependency, logger, true);
    outages.set(dependency, outage);
  }
  return outage;
}
