import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import type { KafkaSasl } from '../kafka-credentials';
import type { BurstOutcome, DrillProcedure } from './intakes';
import type { DrillReport } from './report';
import type { DrillStack } from './stack';

export const DOSSIER_TOPIC = 'dossiers.dossier.v1';
const RECEIVED = 'motcua.dossier.received.v1';

export type Offsets = { partition: number; offset: string }[];

async function withAdmin<T>(
  brokers: string[],
  sasl: KafkaSasl,
  work: (admin: ReturnType<Kafka['admin']>) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    clientId: 'motcua-drill',
    brokers,
    sasl,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** The end of each partition of the dossier topic: where the drill's events start. */
export function topicEnds(
  brokers: string[],
  sasl: KafkaSasl,
  topic = DOSSIER_TOPIC,
): Promise<Offsets> {
  return withAdmin(brokers, sasl, async (admin) =>
    (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high })),
  );
}

/** Every `received` event id on the topic since `from`, by dossier id, for dossiers of one procedure. */
export async function receivedEventIds(
  brokers: string[],
  sasl: KafkaSasl,
  from: Offsets,
  procedureCode: string,
): Promise<Map<string, Set<string>>> {
  const ends = await topicEnds(brokers, sasl);
  const pending = new Map(
    ends
      .filter(
        (e) =>
          BigInt(e.offset) > BigInt(from.find((f) => f.partition === e.partition)?.offset ?? '0'),
      )
      .map((e) => [e.partition, BigInt(e.offset)]),
  );
  const found = new Map<string, Set<string>>();
  if (pending.size === 0) return found;
  const consumer = new Kafka({
    clientId: 'motcua-drill',
    brokers,
    sasl,
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId: `motcua-drill-${randomUUID()}` });
  await consumer.connect();
  try {
    // From the beginning when a seek does not take: KafkaJS drops a seek made before a partition is
    // assigned when the group rebalances (a cluster drill moves leaders and coordinators), and the
    // partition would then start at the latest offset, past the burst. The group is new each time,
    // and the events are filtered by procedure, so reading more only costs time.
    await consumer.subscribe({ topic: DOSSIER_TOPIC, fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (message.headers?.ce_type?.toString() === RECEIVED && message.value) {
          const data = JSON.parse(message.value.toString()) as {
            dossierId?: string;
            procedureCode?: string;
          };
          if (data.procedureCode === procedureCode && data.dossierId) {
            const ids = found.get(data.dossierId) ?? new Set<string>();
            ids.add(message.headers.ce_id?.toString() ?? '');
            found.set(data.dossierId, ids);
          }
        }
        const end = pending.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) pending.delete(partition);
        if (pending.size === 0) done();
      },
    });
    for (const { partition, offset } of from)
      consumer.seek({ topic: DOSSIER_TOPIC, partition, offset });
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  } finally {
    await consumer.disconnect();
  }
  return found;
}

async function query<T>(url: string, text: string, values: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export type ServiceState = { live: boolean; ready: boolean; uptimeSeconds?: number };

/** Liveness (with uptime) and readiness of every service. */
export async function serviceStates(stack: DrillStack): Promise<Record<ServiceName, ServiceState>> {
  const states = await Promise.all(
    SERVICES.map(async (service) => {
      const base = stack.services[service];
      const live = await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(3000) }).catch(
        () => undefined,
      );
      const body = live?.ok ? ((await live.json()) as { uptimeSeconds?: number }) : undefined;
      const ready = await fetch(`${base}/health/ready`, {
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
      await ready?.body?.cancel();
      return [
        service,
        {
          live: live?.status === 200,
          ready: ready?.status === 200,
          uptimeSeconds: body?.uptimeSeconds,
        },
      ] as const;
    }),
  );
  return Object.fromEntries(states) as Record<ServiceName, ServiceState>;
}

/** Milliseconds from now until every service is ready (or undefined after `timeoutMs`). */
export async function untilAllReady(
  stack: DrillStack,
  timeoutMs: number,
  services: readonly ServiceName[] = SERVICES,
): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const states = await serviceStates(stack);
    if (services.every((s) => states[s].ready)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}

/**
 * The drill's invariants, read from the databases and the topic once the stack had time to catch
 * up (polled up to `settleMs`): every answered-201 dossier exists; every committed dossier has
 * exactly one `received` event id on Kafka; reporting and digitization count each exactly once.
 */
export async function verifyDelivery(
  stack: DrillStack,
  procedure: DrillProcedure,
  burst: BurstOutcome,
  from: Offsets,
  report: DrillReport,
  settleMs = 90_000,
): Promise<void> {
  const committed = (
    await query<{ id: string }>(
      stack.databases.dossiers,
      'SELECT id::text FROM dossier WHERE procedure_code = $1',
      [procedure.code],
    )
  ).map((r) => r.id);
  const committedSet = new Set(committed);
  const missing = burst.created.filter((id) => !committedSet.has(id));
  report.note(
    `${burst.created.length} intakes answered 201, ${committed.length} dossiers committed, ${burst.gaveUp} gave up`,
  );
  report.check(
    'every dossier answered 201 exists in the dossiers database',
    missing.length === 0,
    missing.length ? `${missing.length} missing, e.g. ${missing[0]}` : undefined,
  );
  report.check(
    'no dossier was committed twice for one request (201s = committed dossiers)',
    new Set(burst.created).size === committed.length,
    `${new Set(burst.created).size} distinct 201s, ${committed.length} committed`,
  );

  const deadline = Date.now() + settleMs;
  let events = new Map<string, Set<string>>();
  let projected = { facts: 0, distinct: 0, rollup: 0 };
  let copies = 0;
  for (;;) {
    events = await receivedEventIds(stack.kafkaBrokers, stack.kafkaSasl, from, procedure.code);
    projected = await reportingCounts(stack, procedure.code);
    copies = Number(
      (
        await query<{ n: string }>(
          stack.databases.digitization,
          'SELECT count(*) AS n FROM dossier_copy WHERE procedure_code = $1',
          [procedure.code],
        )
      )[0].n,
    );
    const caughtUp =
      committed.every((id) => events.has(id)) &&
      projected.facts >= committed.length &&
      projected.rollup >= committed.length &&
      copies >= committed.length;
    if (caughtUp || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const without = committed.filter((id) => !events.has(id));
  const several = committed.filter((id) => (events.get(id)?.size ?? 0) > 1);
  const strays = [...events.keys()].filter((id) => !committedSet.has(id));
  report.check(
    'every committed dossier has its received event on Kafka',
    without.length === 0,
    without.length ? `${without.length} without` : undefined,
  );
  report.check(
    'each with exactly one received event id (redeliveries carry the same id)',
    several.length === 0,
    several.length ? `${several.length} with several ids` : undefined,
  );
  report.check(
    'no received event for a dossier that was not committed',
    strays.length === 0,
    strays.length ? `${strays.length} strays` : undefined,
  );
  report.check(
    'reporting counts each committed dossier once (facts and daily roll-up)',
    projected.facts === committed.length &&
      projected.distinct === committed.length &&
      projected.rollup === committed.length,
    `facts ${projected.facts}, distinct ${projected.distinct}, roll-up ${projected.rollup}, committed ${committed.length}`,
  );
  report.check(
    'digitization copied each committed dossier once',
    copies === committed.length,
    `${copies} copies, ${committed.length} committed`,
  );
}

async function reportingCounts(
  stack: DrillStack,
  procedureCode: string,
): Promise<{ facts: number; distinct: number; rollup: number }> {
  const active = `(SELECT generation FROM projection_generation WHERE status = 'active' ORDER BY generation DESC LIMIT 1)`;
  const [facts] = await query<{ n: string; d: string }>(
    stack.databases.reporting,
    `SELECT count(*) AS n, count(DISTINCT dossier_id) AS d FROM dossier_fact WHERE generation = ${active} AND procedure_code = $1`,
    [procedureCode],
  );
  const [rollup] = await query<{ n: string | null }>(
    stack.databases.reporting,
    `SELECT sum(facts) AS n FROM dossier_day_rollup WHERE generation = ${active} AND procedure_code = $1`,
    [procedureCode],
  );
  return { facts: Number(facts.n), distinct: Number(facts.d), rollup: Number(rollup.n ?? 0) };
}
