import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { mintDevToken } from '@motcua/auth';
import { todayInVietnam } from '@motcua/calendar';
import {
  databaseUrl,
  ensureDatabases,
  migrateService,
  repoRoot,
  type KafkaSasl,
} from '@motcua/stack';
import { runConcurrently } from '../bench-kit';

/**
 * What the intake benchmarks run against: the stack of `npm run up` (`stackTarget`), or the
 * services a test started (the smoke test passes its own URLs, broker and identity).
 */
export type BenchTarget = {
  catalogUrl: string;
  dossiersUrl: string;
  /** A PostgreSQL server URL (any database): the raw baseline's scratch database is made there. */
  pgServer: string;
  /** Reporting's HTTP base URL: its rebuild and figures (the replay benchmark). */
  reportingUrl?: string;
  /** Reporting's database, read to see when a dossier is counted in its figures. */
  reportingDatabaseUrl: string;
  kafkaBrokers: string[];
  kafkaSasl: KafkaSasl;
  /** The issuer the services trust (the dev tokens are minted for it). */
  issuer?: string;
  /** The published procedure copied for each run (default 1.005432 of the demo data). */
  templateCode?: string;
};

export const DOSSIER_TOPIC = 'dossiers.dossier.v1';
/** Copied from the demo procedure 1.005432 (Đăng ký giá) under a fresh code and agency per run:
 *  a dossier code has a 4-digit daily sequence per agency, so runs must not share an agency. */
const TEMPLATE = '1.005432';

export type BenchProcedure = { code: string; agency: string; token: string };

export function kafkaOf(target: BenchTarget, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: target.kafkaBrokers,
    sasl: target.kafkaSasl,
    logLevel: logLevel.NOTHING,
  });
}

/** Publishes a copy of the template procedure and mints a desk officer's token for its agency. */
export async function publishBenchmarkProcedure(target: BenchTarget): Promise<BenchProcedure> {
  const issuer = target.issuer ? { issuer: target.issuer } : {};
  const admin = await mintDevToken(repoRoot(), {
    subject: 'bench-admin',
    roles: ['admin'],
    ...issuer,
  });
  const templateCode = target.templateCode ?? TEMPLATE;
  const template = await fetch(`${target.catalogUrl}/procedures/${templateCode}`);
  if (template.status !== 200)
    throw new Error(`the template procedure ${templateCode} answered ${template.status}`);
  const current = (await template.json()) as Record<string, unknown>;
  const { procedureId: _id, version: _v, decision: _d, ...procedure } = current;
  const n = Math.floor(Math.random() * 90) + 10;
  const code = `9.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const agency = `B${n}.00.15.H26`;
  const today = todayInVietnam();
  const response = await fetch(`${target.catalogUrl}/publication-decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      decision: { number: `B${n}/QĐ-BENCH`, kind: 'new', signedOn: today, effectiveFrom: today },
      procedure: { ...procedure, code, agencyCode: agency, name: `Đo tải tiếp nhận hồ sơ ${n}` },
    }),
  });
  if (response.status !== 201)
    throw new Error(
      `publishing the benchmark procedure answered ${response.status}: ${(await response.text()).slice(0, 400)}`,
    );
  // A desk officer receives for their own agency only (docs/authorization.md): the benchmark agency's.
  const token = await mintDevToken(repoRoot(), {
    subject: 'bench-desk',
    roles: ['desk_officer'],
    unit: 'VP.MC',
    agency,
    ...issuer,
  });
  return { code, agency, token };
}

export function intakeBody(procedure: BenchProcedure, i: number) {
  return {
    procedureCode: procedure.code,
    channel: 'in_person',
    applicant: {
      type: 'business',
      personalId: String(100000000000 + i),
      name: 'Nguyễn Văn Benchmark',
      organisationName: 'Công ty TNHH Đo tải',
    },
    documents: [{ code: 'BDKG', digitized: true, reused: false }],
  };
}

/**
 * An intake client kept lean, as it shares the machine with what it measures: node:http with
 * keep-alive connections (fetch cost this process about a quarter of a core at 200 requests/s).
 * `post(i)` answers the new dossier's id; anything but 201 throws.
 */
export function intakeClient(target: BenchTarget, procedure: BenchProcedure, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const post = (i: number) =>
    new Promise<string>((resolve, reject) => {
      const body = JSON.stringify(intakeBody(procedure, i));
      const request = http.request(
        `${target.dossiersUrl}/dossiers`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${procedure.token}`,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('error', reject);
          response.on('end', () => {
            const id = (() => {
              try {
                return (JSON.parse(text) as { dossier?: { id?: string } }).dossier?.id;
              } catch {
                return undefined;
              }
            })();
            if (response.statusCode !== 201 || !id)
              reject(new Error(`intake answered ${response.statusCode}: ${text.slice(0, 300)}`));
            else resolve(id);
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  /** The first intakes wait until the catalog's event has reached the dossiers' copy. */
  const warmUp = async (count: number) => {
    for (let tries = 0; ; tries++) {
      try {
        await post(0);
        break;
      } catch (error) {
        if (tries > 120 || !/procedure-unknown/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    await runConcurrently(count, Math.min(maxSockets, 8), (i) => post(1 + i).then(() => undefined));
  };
  return { post, warmUp, close: () => agent.destroy() };
}

/** The end offset of each partition of the dossier topic: where this run's events will start. */
export async function topicEnds(kafka: Kafka): Promise<{ partition: number; offset: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(DOSSIER_TOPIC)).map((p) => ({
      partition: p.partition,
      offset: p.high,
    }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * When each dossier's dossier.received reached Kafka: the broker timestamp of the message (set when
 * the relay sent it), read from `from` on once the intakes are done, so reading the topic costs the
 * machine nothing while the intakes are measured.
 */
export async function kafkaArrivals(
  kafka: Kafka,
  from: { partition: number; offset: string }[],
  ids: Set<string>,
  waitMs = 60_000,
): Promise<Map<string, number>> {
  const arrived = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: DOSSIER_TOPIC });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.headers?.['ce_type']?.toString() !== 'motcua.dossier.received.v1') return;
      const id = message.key?.toString() ?? '';
      if (ids.has(id)) arrived.set(id, Number(message.timestamp));
    },
  });
  for (const { partition, offset } of from)
    consumer.seek({ topic: DOSSIER_TOPIC, partition, offset });
  const deadline = Date.now() + waitMs;
  while (arrived.size < ids.size && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return arrived;
}

/**
 * Watches reporting's database for the dossiers `pending` names (counted in its figures once their
 * fact row exists), every 50 ms, and records when each appeared. Stop it with `stop()`.
 */
export function watchReporting(target: BenchTarget) {
  const pool = new Pool({ connectionString: target.reportingDatabaseUrl, max: 1 });
  pool.on('error', () => undefined);
  const pending = new Set<string>();
  const counted = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      if (pending.size > 0) {
        const { rows } = await pool.query<{ dossier_id: string }>(
          'SELECT DISTINCT dossier_id FROM dossier_fact WHERE dossier_id = ANY($1::uuid[])',
          [[...pending]],
        );
        const now = Date.now();
        for (const { dossier_id } of rows) {
          pending.delete(dossier_id);
          counted.set(dossier_id, now);
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    watch: (id: string) => pending.add(id),
    counted,
    /** Waits up to `waitMs` for the pending ones, then stops. */
    finish: async (waitMs: number) => {
      const deadline = Date.now() + waitMs;
      while (pending.size > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      stopped = true;
      await loop;
      await pool.end();
      return { counted, missing: pending.size };
    },
  };
}

/**
 * Waits until the stack's consumer groups with members have read the dossier topic to its end, so the
 * baseline after the intakes runs on a machine as quiet as the one before them. Returns the messages
 * still unread when it gave up (after `waitMs`).
 */
export async function consumersCaughtUp(kafka: Kafka, waitMs = 120_000): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const active = (
      await admin.describeGroups(
        (await admin.listGroups()).groups
          .map((g) => g.groupId)
          .filter((g) => g.startsWith('motcua.')),
      )
    ).groups
      .filter((g) => g.members.length > 0)
      .map((g) => g.groupId);
    for (const deadline = Date.now() + waitMs; ; await new Promise((r) => setTimeout(r, 500))) {
      const ends = new Map(
        (await admin.fetchTopicOffsets(DOSSIER_TOPIC)).map((p) => [p.partition, Number(p.high)]),
      );
      let behind = 0;
      for (const groupId of active) {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [DOSSIER_TOPIC] });
        for (const p of offsets?.partitions ?? []) {
          if (Number(p.offset) >= 0)
            behind += Math.max(0, (ends.get(p.partition) ?? 0) - Number(p.offset));
        }
      }
      if (behind === 0 || Date.now() > deadline) return behind;
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * The raw baseline: the same rows an intake writes (dossier, its steps, the action log entry, the
 * outbox row) straight to PostgreSQL, one transaction per dossier, `concurrency` in flight, into a
 * scratch database with the dossiers schema (dropped afterwards). Answers rows per second.
 */
export async function rawBaseline(
  target: BenchTarget,
  procedureCode: string,
  count: number,
  concurrency: number,
): Promise<number> {
  const name = `motcua_bench_${process.pid}_dossiers`;
  const scratch = databaseUrl(target.pgServer, name);
  await ensureDatabases(target.pgServer, [name]);
  await migrateService('dossiers', scratch, { disposable: true });
  const pool = new Pool({ connectionString: scratch, max: concurrency });
  // An idle connection closed under it (e.g. by the server) must not end the run unexplained.
  pool.on('error', (error) => console.error(`baseline pool: ${error.message}`));
  const tag = `BENCH-${Date.now()}`;
  const write = async (i: number) => {
    const client = await pool.connect();
    const id = randomUUID();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO dossier (id, code, procedure_code, procedure_version, agency_code, domain_code, channel, applicant_type,
           applicant_identifier, applicant_key, applicant_name, status, portal_status, documents, time_limit, received_at, due_at,
           original_due_at, calendar_version, receipt_policy_id, current_step_order, lookup_secret_hash, created_by, is_demo, updated_at)
         VALUES ($1, $2, $3, 1, 'B10.00.15.H26', 'QLG', 'in_person', 'business', $4, $5, 'Nguyễn Văn Benchmark', 'received', 2,
           '[{"code":"BDKG","digitized":true,"reused":false}]', '{"value":5,"unit":"working_days"}', now(), now() + interval '7 days',
           now() + interval '7 days', 'bench', 'nd61-2018', 1, $5, 'bench', true, now())`,
        [
          id,
          `${tag}-${i}`,
          procedureCode,
          String(100000000000 + i),
          randomUUID().replace(/-/g, ''),
        ],
      );
      for (const order of [1, 2, 3]) {
        await client.query(
          `INSERT INTO dossier_step (dossier_id, "order", name, unit_code, unit_name, share, due_at, status)
           VALUES ($1, $2, 'Bước', 'P.QLG', 'Phòng Quản lý giá', 1, now(), 'pending')`,
          [id, order],
        );
      }
      await client.query(
        `INSERT INTO dossier_action_log (dossier_id, action, to_status, portal_status, actor_subject, actor_roles, details)
         VALUES ($1, 'intake', 'received', 2, 'bench', '{desk_officer}', '{}')`,
        [id],
      );
      await client.query(
        `INSERT INTO outbox_event (event_id, topic, event_key, event_type, envelope, published_at)
         VALUES ($1, 'bench', $2, 'bench', '{}', now())`,
        [randomUUID(), id],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  try {
    await runConcurrently(Math.min(200, count), concurrency, (i) => write(count + i)); // warm-up
    const elapsed = await runConcurrently(count, concurrency, write);
    return count / (elapsed / 1000);
  } finally {
    await pool.end();
    const server = new Pool({ connectionString: target.pgServer, max: 1 });
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  }
}
