import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { mintDevToken } from '@motcua/auth';
import { todayInVietnam } from '@motcua/calendar';
import { databaseUrl, ensureDatabases, migrateService, repoRoot } from '@motcua/testing';
import { operatorKafkaSasl } from '../../kafka/operator-identity';
import { percentile, runConcurrently } from '../bench-kit';

/**
 * Dossier intake benchmark (issue 5). Needs the stack up (`npm run up`).
 *   node -r ./tools/register-ts.js tools/bench/dossiers/intake.bench.ts [count] [concurrency]
 * 1. Intake over HTTP: POST /dossiers with a desk officer's token, `concurrency` requests in
 *    flight, and the time from each request's start to its dossier.received event on Kafka (the
 *    broker timestamp, read from the topic after the intakes so the reading does not load the machine).
 * 2. Raw baseline, same run, same concurrency: the same rows (dossier, its steps, the action
 *    log entry, the outbox row) written straight to PostgreSQL, one transaction per dossier,
 *    into a scratch database with the dossiers schema (dropped afterwards); before the intakes
 *    and again after them once the consumers caught up, the faster of the two counting.
 * The HTTP part creates real dossiers (applicant "Nguyễn Văn Benchmark") in the stack.
 * Prints intakes per second, latency percentiles and the ratio to the baseline.
 */
const COUNT = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const DOSSIERS_URL = process.env.DOSSIERS_URL ?? 'http://127.0.0.1:3102';
/** The baseline writes into a scratch database with the dossiers schema, dropped afterwards. */
const PG_SERVER = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const KAFKA = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
/** The stack's broker admits signed-in identities only: the bench reads as its admin. */
const KAFKA_ADMIN = () => operatorKafkaSasl();
const CATALOG_URL = process.env.CATALOG_URL ?? 'http://127.0.0.1:3101';
/** Copied from the demo procedure 1.005432 (Đăng ký giá) under a fresh code and agency per run:
 *  a dossier code has a 4-digit daily sequence per agency, so runs must not share an agency. */
const TEMPLATE = '1.005432';
let PROCEDURE = '';
let AGENCY = '';

async function publishBenchmarkProcedure(): Promise<void> {
  const admin = await mintDevToken(repoRoot(), { subject: 'bench-admin', roles: ['admin'] });
  const current = (await (await fetch(`${CATALOG_URL}/procedures/${TEMPLATE}`)).json()) as Record<
    string,
    unknown
  >;
  const { procedureId: _id, version: _v, decision: _d, ...procedure } = current;
  const n = Math.floor(Math.random() * 90) + 10;
  PROCEDURE = `9.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const today = todayInVietnam();
  const response = await fetch(`${CATALOG_URL}/publication-decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      decision: { number: `B${n}/QĐ-BENCH`, kind: 'new', signedOn: today, effectiveFrom: today },
      procedure: {
        ...procedure,
        code: PROCEDURE,
        agencyCode: (AGENCY = `B${n}.00.15.H26`),
        name: `Đo tải tiếp nhận hồ sơ ${n}`,
      },
    }),
  });
  if (response.status !== 201)
    throw new Error(
      `publishing the benchmark procedure answered ${response.status}: ${(await response.text()).slice(0, 400)}`,
    );
}

function intakeBody(i: number) {
  return {
    procedureCode: PROCEDURE,
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
 * The client shares the machine with what it measures, so it is kept lean: node:http with
 * keep-alive connections (fetch cost this process about a quarter of a core at 200 requests/s).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function postJson(
  url: string,
  token: string,
  payload: unknown,
): Promise<{ status: number; text: string }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const TOPIC = 'dossiers.dossier.v1';

/** The end offset of each partition of the dossier topic: where this run's events will start. */
async function topicEnds(kafka: Kafka): Promise<{ partition: number; offset: string }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(TOPIC)).map((p) => ({
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
async function arrivals(
  kafka: Kafka,
  from: { partition: number; offset: string }[],
  ids: Set<string>,
): Promise<Map<string, number>> {
  const arrived = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.headers?.['ce_type']?.toString() !== 'motcua.dossier.received.v1') return;
      const id = message.key?.toString() ?? '';
      if (ids.has(id)) arrived.set(id, Number(message.timestamp));
    },
  });
  for (const { partition, offset } of from) consumer.seek({ topic: TOPIC, partition, offset });
  const deadline = Date.now() + 60_000;
  while (arrived.size < ids.size && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  await consumer.disconnect();
  return arrived;
}

async function httpIntakes(token: string) {
  const started = new Map<string, number>();
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: KAFKA,
    sasl: KAFKA_ADMIN(),
    logLevel: logLevel.NOTHING,
  });
  const latencies: number[] = [];
  const post = async (i: number) => {
    const t0 = Date.now();
    const response = await postJson(`${DOSSIERS_URL}/dossiers`, token, intakeBody(i));
    const body = JSON.parse(response.text) as { dossier?: { id: string } };
    if (response.status !== 201 || !body.dossier)
      throw new Error(`intake answered ${response.status}: ${response.text.slice(0, 300)}`);
    latencies.push(Date.now() - t0);
    started.set(body.dossier.id, t0);
  };
  // Warm-up; the first intakes wait until the catalog's event has reached the dossiers' copy.
  for (let tries = 0; ; tries++) {
    try {
      await post(0);
      break;
    } catch (error) {
      if (tries > 60 || !/procedure-unknown/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await runConcurrently(200, CONCURRENCY, post);
  latencies.length = 0;
  started.clear();
  const from = await topicEnds(kafka);
  console.error('phase: measured HTTP intakes start');
  const elapsed = await runConcurrently(COUNT, CONCURRENCY, (i) => post(200 + i));
  console.error('phase: measured HTTP intakes end');
  agent.destroy();
  const arrived = await arrivals(kafka, from, new Set(started.keys()));
  const toKafka = [...started]
    .filter(([id]) => arrived.has(id))
    .map(([id, t0]) => arrived.get(id)! - t0);
  return {
    perSecond: COUNT / (elapsed / 1000),
    latencies,
    toKafka,
    missing: started.size - toKafka.length,
  };
}

/**
 * Waits until the stack's consumer groups with members have read the dossier topic to its end, so the
 * baseline after the intakes runs on a machine as quiet as the one before them. Returns the messages
 * still unread when it gave up (after two minutes).
 */
async function consumersCaughtUp(kafka: Kafka): Promise<number> {
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
    for (const deadline = Date.now() + 120_000; ; await new Promise((r) => setTimeout(r, 500))) {
      const ends = new Map(
        (await admin.fetchTopicOffsets(TOPIC)).map((p) => [p.partition, Number(p.high)]),
      );
      let behind = 0;
      for (const groupId of active) {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [TOPIC] });
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

async function rawBaseline() {
  const scratch = databaseUrl(PG_SERVER, 'motcua_bench_dossiers');
  await ensureDatabases(PG_SERVER, ['motcua_bench_dossiers']);
  await migrateService('dossiers', scratch, { disposable: true });
  const pool = new Pool({ connectionString: scratch, max: CONCURRENCY });
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
        [id, `${tag}-${i}`, PROCEDURE, String(100000000000 + i), randomUUID().replace(/-/g, '')],
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
    await runConcurrently(200, CONCURRENCY, (i) => write(COUNT + i)); // warm-up
    const elapsed = await runConcurrently(COUNT, CONCURRENCY, write);
    return { perSecond: COUNT / (elapsed / 1000) };
  } finally {
    await pool.end();
    const server = new Pool({ connectionString: PG_SERVER, max: 1 });
    await server.query('DROP DATABASE IF EXISTS motcua_bench_dossiers WITH (FORCE)');
    await server.end();
  }
}

async function main() {
  await publishBenchmarkProcedure();
  // A desk officer receives for their own agency only (docs/authorization.md): the benchmark agency's.
  const token = await mintDevToken(repoRoot(), {
    subject: 'bench-desk',
    roles: ['desk_officer'],
    unit: 'VP.MC',
    agency: AGENCY,
  });
  console.log(
    `dossier intake benchmark: ${COUNT} intakes, concurrency ${CONCURRENCY}, procedure ${PROCEDURE} (copy of ${TEMPLATE})`,
  );
  // The baseline runs before and after the intakes (once the consumers caught up); the ratio is
  // taken against the faster of the two, so a machine that got busier meanwhile cannot flatter it.
  const before = await rawBaseline();
  const http = await httpIntakes(token);
  const unread = await consumersCaughtUp(
    new Kafka({
      clientId: 'bench-lag',
      brokers: KAFKA,
      sasl: KAFKA_ADMIN(),
      logLevel: logLevel.NOTHING,
    }),
  );
  const after = await rawBaseline();
  const raw = Math.max(before.perSecond, after.perSecond);
  const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
  console.log(
    `HTTP intake        ${http.perSecond.toFixed(0)} /s   p50 ${ms(http.latencies, 50)}  p95 ${ms(http.latencies, 95)}  p99 ${ms(http.latencies, 99)}`,
  );
  console.log(
    `intake → Kafka     p50 ${ms(http.toKafka, 50)}  p99 ${ms(http.toKafka, 99)}  (${http.missing} not seen within 60 s)`,
  );
  console.log(
    `raw PostgreSQL     ${raw.toFixed(0)} /s  (same rows, one transaction per dossier; ${before.perSecond.toFixed(0)} /s before the intakes, ${after.perSecond.toFixed(0)} /s after${unread > 0 ? `, ${unread} events still unread by the consumers` : ''})`,
  );
  console.log(
    `ratio              ${((http.perSecond / raw) * 100).toFixed(1)} % of the raw baseline`,
  );
  console.log(
    `targets            ≥ 500 /s: ${http.perSecond >= 500 ? 'met' : 'NOT met'}; ≥ 40 %: ${http.perSecond / raw >= 0.4 ? 'met' : 'NOT met'}; p99 to Kafka < 250 ms: ${percentile(http.toKafka, 99) < 250 ? 'met' : 'NOT met'}`,
  );
}

void main().catch((error: Error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
