import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Consumer, Producer } from 'kafkajs';
import type { Role } from '@motcua/auth';
import {
  buildEvent,
  fromKafkaMessage,
  toKafkaRecord,
  type CloudEvent,
  type EventContract,
  type EventData,
} from '@motcua/contracts';
import { demoPki } from '@motcua/stack';
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
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
};
export type Reply<T = unknown> = { status: number; body: T; headers: Headers };
export type Caller = { role: Role; unit?: string; agency?: string; subject?: string };

export const AGENCY = '000.00.15.H26';
export const DESK: Caller = { role: 'desk_officer', unit: 'VP.MC', agency: AGENCY };

/** Lists every file under a folder (the content-addressed store), recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The digitization service as its own process, its database, its events, and a producer of dossier events. */
export class DigitizationHarness {
  service!: RunningService;
  db!: Client;
  storageDir!: string;
  readonly events: CloudEvent<Record<string, unknown>>[] = [];
  private producer?: Producer;
  private consumer?: Consumer;

  static async start(port: number, env: Record<string, string> = {}): Promise<DigitizationHarness> {
    const harness = new DigitizationHarness();
    harness.storageDir = mkdtempSync(join(tmpdir(), 'digitization-files-'));
    // The demo root CA is the trust anchor of signed PDFs (as the national root CA is in production).
    harness.service = await startService('digitization', port, {
      STORAGE_DIR: harness.storageDir,
      SIGNATURE_TRUST_ANCHORS_FILE: demoPki().anchorFile,
      ...env,
    });
    harness.db = new Client({ connectionString: testEnv.databaseUrl('digitization') });
    await harness.db.connect();
    return harness;
  }

  async listen(): Promise<void> {
    this.consumer = testKafka(testEnv.kafkaBrokers()).consumer({
      groupId: `digitization-test-${process.pid}-${Date.now()}`,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ['digitization.document.v1'], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        this.events.push(
          fromKafkaMessage(message.headers, message.value) as CloudEvent<Record<string, unknown>>,
        );
      },
    });
  }

  /** Publishes a valid dossier event on the real topic, as the dossiers service would. */
  async publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void> {
    if (!this.producer) {
      this.producer = testKafka(testEnv.kafkaBrokers()).producer();
      await this.producer.connect();
    }
    const { event, topic, key } = buildEvent(contract, data, {
      correlationId: `test-${Date.now()}`,
    });
    await this.producer.send({ topic, messages: [toKafkaRecord(event, key)] });
  }

  event(type: string, match: (data: Record<string, unknown>) => boolean) {
    return waitFor(`${type} on digitization.document.v1`, async () =>
      this.events.find((e) => e.type === type && match(e.data)),
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    await this.db?.end();
    await this.service?.stop();
  }

  async headers(caller?: Caller): Promise<Record<string, string>> {
    if (!caller) return {};
    const token = await mintTestToken({
      subject: caller.subject ?? `test-${caller.role}-${caller.unit ?? 'none'}`,
      roles: [caller.role],
      unit: caller.unit,
      agency: caller.agency,
    });
    return { authorization: `Bearer ${token}` };
  }

  async json<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    caller: Caller | undefined = DESK,
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(await this.headers(caller)) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  async upload<T = unknown>(
    file: Buffer,
    contentType: string,
    query = '',
    caller: Caller = DESK,
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.service.url}/files${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(await this.headers(caller)) },
      body: file,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  /** GET (or POST for the public path) a file: status, headers and raw bytes. */
  async download(
    path: string,
    caller?: Caller,
    body?: unknown,
  ): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${this.service.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(await this.headers(caller)),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }
}
