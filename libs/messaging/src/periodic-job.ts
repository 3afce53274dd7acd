import type { Logger } from '@motcua/observability';
import { Outage } from './connections/outage';
import { isDependencyUnavailable } from './connections/unavailable';
import { periodicJobInterval, periodicJobLastSuccess } from './metrics';

/**
 * A background pass a service repeats (announcing due decisions, deadline warnings): every
 * `intervalMs` (never when ≤ 0), optionally once at start, never two passes at once, and a
 * failed pass is logged and retried by the next one. `stop()` waits for the pass in flight.
 * Passes failing because the database (or Redis) is unreachable are logged once per outage, and
 * the first pass that succeeds afterwards logs that the job resumed.
 * Passes must be safe with several instances running (their own locking: SKIP LOCKED, advisory locks).
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly outage: Outage;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {
    this.outage = new Outage(`${name}: its dependencies`, logger);
  }

  start(intervalMs: number, options: { runAtStart?: boolean } = {}): void {
    if (options.runAtStart) void this.tick();
    if (intervalMs <= 0) return;
    periodicJobInterval.set({ job: this.name }, intervalMs / 1000);
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass now, or joins the one already running. */
  tick(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      await this.pass();
      periodicJobLastSuccess.set({ job: this.name }, Date.now() / 1000);
      this.outage.recovered();
    } catch (error) {
      if (isDependencyUnavailable(error)) return this.outage.failed(error);
      this.logger.error({ err: error }, `${this.name} failed; the next pass retries`);
    }
  }
}
