import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import Redis from 'ioredis';
import { waitFor } from '../wait-for';

/**
 * A redis-server of its own on its own port (no persistence), for a drill that restarts Redis
 * without touching the machine's Redis. `restart` keeps the port, as a restarted server would.
 */
export class PrivateRedis {
  private child?: ChildProcess;

  constructor(
    readonly dir: string,
    readonly port: number,
    private readonly binary = process.env.DRILL_REDIS_SERVER ?? 'redis-server',
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    this.child = spawn(
      this.binary,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(`redis-server on ${this.port}`, () => this.ping(), 10_000);
  }

  /** SIGKILL: the server vanishes as in a crash, every connection drops. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  private async ping(): Promise<true | undefined> {
    const client = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      client.disconnect();
    }
  }
}
