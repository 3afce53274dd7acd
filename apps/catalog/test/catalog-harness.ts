import { Client } from 'pg';
import type { Consumer } from 'kafkajs';
import type { Role } from '@motcua/auth';
import { fromKafkaMessage, type CloudEvent } from '@motcua/contracts';
import {
  mintTestToken,
  startService,
  testEnv,
  testKafka,
  waitFor,
  type RunningService,
} from '@motcua/testing';

export type Problem = {
  status: number;
  type: string;
  errors?: { field: string; rule: string; message: string }[];
};
export type Reply<T = unknown> = { status: number; body: T };

/** The catalog started as its own process, a client for its HTTP API, its database and its events on Kafka. */
export class CatalogHarness {
  service!: RunningService;
  db!: Client;
  private consumer?: Consumer;
  readonly events: CloudEvent<Record<string, unknown>>[] = [];

  static async start(port: number, env: Record<string, string> = {}): Promise<CatalogHarness> {
    const harness = new CatalogHarness();
    harness.service = await startService('catalog', port, env);
    harness.db = new Client({ connectionString: testEnv.databaseUrl('catalog') });
    await harness.db.connect();
    return harness;
  }

  /** Reads catalog.procedure.v1 and catalog.review.v1 from the beginning (tests filter by their own codes). */
  async listen(): Promise<void> {
    this.consumer = testKafka(testEnv.kafkaBrokers()).consumer({
      groupId: `catalog-test-${process.pid}-${Date.now()}-${Math.random()}`,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: ['catalog.procedure.v1', 'catalog.review.v1'],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        this.events.push(
          fromKafkaMessage(message.headers, message.value) as CloudEvent<Record<string, unknown>>,
        );
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.db?.end();
    await this.service?.stop();
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; role?: Role; unit?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.role)
      headers.authorization = `Bearer ${await mintTestToken({ subject: `test-${options.role}`, roles: [options.role], unit: options.unit })}`;
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  post<T = unknown>(path: string, body: unknown, role: Role = 'admin', unit?: string) {
    return this.request<T>('POST', path, { body, role, unit });
  }

  get<T = unknown>(path: string, role?: Role) {
    return this.request<T>('GET', path, { role });
  }

  /** Events of one subject (procedure code or campaign id), in the order Kafka gave them. */
  eventsOf(subject: string, type?: string) {
    return this.events.filter((e) => e.subject === subject && (!type || e.type === type));
  }

  waitForEvent(subject: string, type: string, timeoutMs = 15000) {
    return waitFor(
      `${type} for ${subject}`,
      async () => this.eventsOf(subject, type)[0],
      timeoutMs,
    );
  }

  async count(sql: string, values: unknown[]): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(sql, values);
    return Number(rows[0].n);
  }
}
