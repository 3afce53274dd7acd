import { execFileSync } from 'node:child_process';
import { constants, createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metricsRegistry } from './metrics';
import { boundedDestination } from './logger';

async function droppedLines(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('motcua_log_lines_dropped_total')?.get();
  return metric?.values[0]?.value ?? 0;
}

describe('the bounded log destination', () => {
  it('drops and counts lines once stdout stops taking them, holding no more than its bound', async () => {
    // A pipe nobody reads: it fills (64 KiB), then every later line waits in the buffer.
    const dir = mkdtempSync(join(tmpdir(), 'motcua-log-'));
    const fifo = join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const destination = boundedDestination(fd, 256 * 1024) as unknown as {
      write(line: string): boolean;
      end(): void;
      on(event: 'close', listener: () => void): void;
      _len: number;
    };
    const before = await droppedLines();
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 2048; i += 1) destination.write(line); // 2 MiB offered

    expect(destination._len).toBeLessThanOrEqual(256 * 1024);
    expect((await droppedLines()) - before).toBeGreaterThan(1500);
    // A reader comes back: what was kept reaches it and the destination closes cleanly.
    const reader = createReadStream(fifo).resume();
    const closed = once(destination as never, 'close');
    destination.end();
    await closed;
    reader.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
