import type { Client } from 'pg';
import type { Logger } from '@motcua/observability';
import { createPgClient } from './pg-connections';

export type PgListenerOptions = {
  connectionString: string;
  channels: string[];
  onNotification: (channel: string, payload: string | undefined) => void;
  /** After a lost connection was made again: notifications sent meanwhile were missed. */
  onReconnect?: () => void;
  logger?: Logger;
};

/**
 * LISTEN on a connection of its own that outlives its server: when the connection is lost it
 * connects again (backoff 250 ms → 5 s) and listens again, then calls onReconnect so the holder
 * can make up for the notifications it missed. The outage is logged once (see createPgClient).
 */
export class PgListener {
  private client?: Client;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private delay = 250;
  private everConnected = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Resolves once listening, or once the first attempt failed (it keeps trying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = createPgClient(
      { connectionString: this.options.connectionString },
      { logger: this.options.logger },
    );
    client.on('notification', (n) => this.options.onNotification(n.channel, n.payload));
    client.on('end', () => {
      // A connection that was listening is lost: listen again. (A failed attempt retries below.)
      if (this.client !== client) return;
      this.client = undefined;
      this.retry();
    });
    try {
      await client.connect();
      for (const channel of this.options.channels)
        await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch {
      await client.end().catch(() => undefined);
      this.retry();
      return;
    }
    if (this.stopped) return void (await client.end().catch(() => undefined));
    this.client = client;
    this.delay = 250;
    if (this.everConnected) this.options.onReconnect?.();
    this.everConnected = true;
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, 5000);
  }
}
