import { createLogger, metricsRegistry } from '@motcua/observability';
import { PeriodicJob } from './periodic-job';

const logger = createLogger('periodic-job-test', 'fatal');

describe('PeriodicJob', () => {
  it('never runs two passes at once: a tick during a pass joins it', async () => {
    let passes = 0;
    let release!: () => void;
    const job = new PeriodicJob(
      'test',
      () => {
        passes += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      logger,
    );
    const first = job.tick();
    const second = job.tick();
    expect(second).toBe(first);
    release();
    await first;
    expect(passes).toBe(1);
  });

  it('a failed pass does not stop the next one', async () => {
    let calls = 0;
    const job = new PeriodicJob(
      'test',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database unavailable');
      },
      logger,
    );
    await expect(job.tick()).resolves.toBeUndefined();
    await job.tick();
    expect(calls).toBe(2);
  });

  it('runs at start when asked, repeats on its interval, and stop waits for the pass in flight', async () => {
    // Fake timers: the interval is the job's, not the machine's scheduling delay under load.
    jest.useFakeTimers();
    try {
      let passes = 0;
      let finished = 0;
      const job = new PeriodicJob(
        'test',
        async () => {
          passes += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          finished += 1;
        },
        logger,
      );
      job.start(20, { runAtStart: true });
      expect(passes).toBe(1);
      await jest.advanceTimersByTimeAsync(62); // passes at 0, 20, 40 and 60 ms
      expect(passes).toBe(4);
      expect(finished).toBe(3); // the pass of 60 ms is still in flight
      let stopResolved = false;
      const stopped = job.stop().then(() => (stopResolved = true));
      await jest.advanceTimersByTimeAsync(1);
      expect(stopResolved).toBe(false); // stop waits for the pass in flight
      await jest.advanceTimersByTimeAsync(4);
      await stopped;
      expect(finished).toBe(4);
      await jest.advanceTimersByTimeAsync(100);
      expect(passes).toBe(4);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('PeriodicJob while its database is unreachable', () => {
  it('logs the outage once, not once per pass, and logs when passes succeed again', async () => {
    const lines: { level: string; msg: string }[] = [];
    const recording = {
      warn: (_: unknown, msg: string) => lines.push({ level: 'warn', msg }),
      info: (_: unknown, msg: string) => lines.push({ level: 'info', msg }),
      error: (_: unknown, msg: string) => lines.push({ level: 'error', msg }),
    } as unknown as typeof logger;
    let down = true;
    const job = new PeriodicJob(
      'deadline watch',
      async () => {
        if (down)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
            code: 'ECONNREFUSED',
          });
      },
      recording,
    );
    for (let i = 0; i < 5; i++) await job.tick();
    down = false;
    await job.tick();
    await job.tick();
    expect(lines.map((l) => l.level)).toEqual(['warn', 'info']);
    expect(lines[0].msg).toContain('deadline watch');
  });

  it('publishes its interval and the time of its last successful pass, not of a failed one', async () => {
    let fail = false;
    const job = new PeriodicJob(
      'metrics-test',
      async () => {
        if (fail) throw new Error('a bug');
      },
      logger,
    );
    job.start(60_000);
    const before = Date.now() / 1000;
    await job.tick();
    const read = async (name: string) =>
      (await metricsRegistry.getSingleMetric(name)!.get()).values.find(
        (v) => v.labels.job === 'metrics-test',
      )?.value;
    expect(await read('motcua_periodic_job_interval_seconds')).toBe(60);
    const succeeded = await read('motcua_periodic_job_last_success_timestamp_seconds');
    expect(succeeded).toBeGreaterThanOrEqual(before);
    fail = true;
    await new Promise((resolve) => setTimeout(resolve, 10));
    await job.tick();
    expect(await read('motcua_periodic_job_last_success_timestamp_seconds')).toBe(succeeded);
    await job.stop();
  });
});
