import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@motcua/observability';
import { PeriodicJob } from '../periodic-job';

/** When a scheduled job runs: every `intervalMs` (never when ≤ 0), and once at start if asked. */
export type JobSchedule = { intervalMs: number; runAtStart?: boolean };

/**
 * A PeriodicJob plugged into a Nest application: started once the application is up, stopped
 * (waiting for the pass in flight) before it shuts down, so a pass never outlives its database.
 * A subclass names the job, gives its schedule and writes `pass()`.
 */
export abstract class ScheduledJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly job: PeriodicJob;

  protected constructor(
    name: string,
    private readonly schedule: JobSchedule,
    logger: Logger,
  ) {
    this.job = new PeriodicJob(name, () => this.pass(), logger);
  }

  /** One pass; safe with several instances running (their own locking). */
  protected abstract pass(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.job.start(this.schedule.intervalMs, { runAtStart: this.schedule.runAtStart });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}

/** Runs `next` until it reports nothing left (a falsy or zero result), handing each result to `done`. */
export async function untilDone<T>(
  next: () => Promise<T>,
  done: (result: NonNullable<T>) => void,
): Promise<void> {
  for (let result = await next(); result; result = await next()) done(result);
}
