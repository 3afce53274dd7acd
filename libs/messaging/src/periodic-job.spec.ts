import { createLogger } from '@motcua/observability';
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
    let passes = 0;
    const job = new PeriodicJob(
      'test',
      async () => {
        passes += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      logger,
    );
    job.start(20, { runAtStart: true });
    expect(passes).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 75));
    await job.stop();
    const stoppedAt = passes;
    expect(stoppedAt).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(passes).toBe(stoppedAt);
  });
});
