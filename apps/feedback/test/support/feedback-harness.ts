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

// Black-box replies are untyped JSON; the tests assert their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; contentType: string; body: any };
export type Caller = {
  role?: Role;
  unit?: string;
  subject?: string;
  agency?: string;
  headers?: Record<string, string>;
};

/** A random client address, so that tests do not share a rate-limit window. */
export function randomIp(): string {
  return `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

/** Unique text, so that runs never merge into each other's items. */
export function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A running feedback service (behind one trusted proxy hop), its database, and the feedback events on Kafka. */
export class FeedbackHarness {
  service!: RunningService;
  db!: Client;
  readonly events: CloudEvent<Record<string, unknown>>[] = [];
  private consumer?: Consumer;

  async start(port: number, env: Record<string, string> = {}): Promise<this> {
    this.service = await startService('feedback', port, {
      FEEDBACK_TRUSTED_PROXY_HOPS: '1',
      ...env,
    });
    this.db = new Client({ connectionString: testEnv.databaseUrl('feedback') });
    await this.db.connect();
    return this;
  }

  /** Reads feedback.feedback.v1 from now on (tests filter by their own feedback ids). */
  async listen(): Promise<void> {
    this.consumer = testKafka(testEnv.kafkaBrokers()).consumer({
      groupId: `feedback-test-${process.pid}-${Date.now()}-${Math.random()}`,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ['feedback.feedback.v1'], fromBeginning: true });
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

  async request(method: string, path: string, body?: unknown, caller: Caller = {}): Promise<Reply> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-forwarded-for': randomIp(),
      ...caller.headers,
    };
    if (caller.role) {
      headers.authorization = `Bearer ${await mintTestToken({ subject: caller.subject ?? `${caller.role}-1`, roles: [caller.role], unit: caller.unit, agency: caller.agency ?? '000.00.15.H26' })}`;
    }
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
  }

  submit(body: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', '/public/feedback', body, { headers });
  }

  action(id: string, action: string, body: unknown, role: Role, unit = 'VP.KSTT') {
    return this.request('POST', `/feedback/${id}/actions/${action}`, body, { role, unit });
  }

  eventsOf(feedbackId: string, type?: string) {
    return this.events.filter((e) => e.subject === feedbackId && (!type || e.type === type));
  }

  waitForEvent(feedbackId: string, type: string, timeoutMs = 45000) {
    return waitFor(
      `${type} for ${feedbackId}`,
      async () => this.eventsOf(feedbackId, type)[0],
      timeoutMs,
    );
  }

  async count(sql: string, values: unknown[] = []): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>(sql, values);
    return Number(rows[0].n);
  }
}

/** A valid public submission about a regulation (no catalog needed). */
export function regulationFeedback(overrides: Record<string, unknown> = {}) {
  return {
    senderType: 'citizen',
    contact: {
      name: 'Trần Thị Bình',
      phone: `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    },
    subject: { kind: 'regulation', regulation: 'Thông tư 01/2024/TT-BTC về lệ phí' },
    title: unique('Đề nghị giảm lệ phí'),
    content: 'Mức lệ phí hiện hành quá cao so với chi phí thực tế; đề nghị xem xét điều chỉnh.',
    ...overrides,
  };
}

/**
 * Starts another service (the catalog) for a test. One retry: its dist/ bundle may be rebuilt by a
 * parallel build at the moment it starts; the first failure is printed, not hidden.
 */
export async function startPeer(name: 'catalog', port: number): Promise<RunningService> {
  try {
    return await startService(name, port);
  } catch (error) {
    console.warn(`${name} did not start on the first try: ${(error as Error).message}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return startService(name, port);
  }
}
