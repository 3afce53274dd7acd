/**
 * Builds of the reporting service compared on the replay of issue 17, in one run, on this
 * checkout's own test infrastructure (the global set-up of `npm test`: its databases, broker and
 * ports, started and stopped by the run, so checkouts sharing a machine do not collide).
 *   node -r ./tools/register-ts.js tools/bench/reporting/replay-ab.ts <A main.js> <B main.js> … \
 *     [--events=30000] [--rounds=3] [--province-year] [--no-dashboard]
 * Publishes `events` dossier events (receipt, processing, return of a third as many dossiers, in
 * 2025, in blocks: replayed-events.ts) on the dossier topic, lets the last build project them
 * into the active generation, then
 * per round and build (A, B, …, A, B, …): starts the build, runs `replayBench` (a plain KafkaJS
 * read of reporting's topics, then the rebuild until its generation is switched to, the year's
 * figures asked for meanwhile) and stops it. With --province-year the active generation holds one
 * year of a large province (600,000 dossiers, seed-year.sql.ts) before every round, so the
 * figures are read at that size while the rebuild writes. Prints each run, the CPU the reporting
 * process and its database sessions spent per replayed event, and per build the medians with
 * their spread. A build may be started with a CPU profile: `<main.js>+--cpu-prof`. With
 * --no-dashboard nobody asks for figures during the replay: the replay's own cost, apart from a reader's.
 * The broker and the databases outlive a run (a replay reads every event still on the topics):
 * for a replay of the published events alone, run with a MOTCUA_TEST_KAFKA_PORT and a
 * MOTCUA_TEST_DB_PREFIX not used before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { KAFKA_ADMIN, toKafkaRecord } from '@motcua/contracts';
import { waitFor } from '@motcua/stack';
import { CONSUMERS } from '@motcua/contracts';
// eslint-disable-next-line no-restricted-imports -- the run uses npm test's own infrastructure on purpose, as cpu-ab.ts --own does.
import { serviceTestEnv, testEnv } from '@motcua/testing';
import globalSetup from '../../../libs/testing/src/global-setup';
import globalTeardown from '../../../libs/testing/src/global-teardown';
import { kafkaOf, type BenchTarget } from '../dossiers/intake-kit';
import { cpuMs } from '../process-meter';
import { rebuildRollupSql } from '../../../apps/reporting/src/projections/dossier-rollup';
import { REBUILD_DIGITIZATION_ROLLUP_SQL } from '../../../apps/reporting/src/projections/digitization-fact.repository';
import { replayBench, type ReplayResult } from './replay';
import { replayedEvents } from './replayed-events';
import { SEED_YEAR_SQL } from './seed-year.sql';

const args = process.argv.slice(2);
const builds = args.filter((a) => !a.startsWith('--'));
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const EVENTS = option('events', 30000);
const ROUNDS = option('rounds', 3);
const PROVINCE_YEAR = args.includes('--province-year');
const DASHBOARD = !args.includes('--no-dashboard');
const NAMES = 'ABCDEFGH';
const TOPICS = [...new Set(CONSUMERS.reporting.map((c) => c.topic))];
const LOG = join(__dirname, '..', '..', '..', '.data', 'bench-replay', 'reporting.log');
mkdirSync(join(LOG, '..'), { recursive: true });
const PORT = 4975 + Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0);

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spreadOf = (v: number[], d: number) =>
  `${median(v).toFixed(d)} (${Math.min(...v).toFixed(d)}–${Math.max(...v).toFixed(d)})`;

/** CPU ms so far of the PostgreSQL sessions on `database` (Linux /proc), per session pid. */
function sessionsCpu(database: string, seen: Map<number, number>): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres:') && cmd.includes(` ${database} `))
        seen.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // gone between the listing and the read
    }
  }
}

/** The events published in blocks of dossiers (their receipts, then processing, then returns), as a busy day interleaves them. */
async function publish(target: BenchTarget, events: number): Promise<void> {
  const producer = kafkaOf(target, 'bench-replay-publisher').producer();
  await producer.connect();
  try {
    const built = replayedEvents(Math.ceil(events / 3));
    for (let i = 0; i < built.length; i += 500) {
      const slice = built.slice(i, i + 500);
      await producer.send({
        topic: slice[0].topic,
        messages: slice.map(({ event, key }) => toKafkaRecord(event, key)),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

type Running = { pid: number; child: ChildProcess; stop: () => Promise<void> };

async function startBuild(build: string): Promise<Running> {
  const [main, ...flags] = build.split('+');
  const child = spawn(process.execPath, ['--enable-source-maps', ...flags, resolve(main)], {
    env: { ...serviceTestEnv('reporting', PORT), LOG_LEVEL: 'warn' },
    stdio: ['ignore', openSync(LOG, 'a'), openSync(LOG, 'a')],
  });
  const url = `http://127.0.0.1:${PORT}`;
  await waitFor(
    'reporting /health',
    async () =>
      (await fetch(`${url}/health`).catch(() => undefined))?.status === 200 ? true : undefined,
    120_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}: see ${LOG}`);
  });
  return {
    pid: child.pid!,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: testEnv.databaseUrl('reporting') });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/** Waits until the active generation's consumer group has read every message of reporting's topics. */
async function activeCaughtUp(target: BenchTarget): Promise<void> {
  const admin = kafkaOf(target, 'bench-replay-lag').admin();
  await admin.connect();
  try {
    await waitFor(
      'the active generation projecting the published events',
      async () => {
        const [row] = await query<{ group_id: string }>(
          `SELECT group_id FROM projection_generation WHERE status = 'active'`,
        );
        if (!row) return undefined;
        let lag = 0;
        for (const topic of TOPICS) {
          const committed = await admin.fetchOffsets({ groupId: row.group_id, topics: [topic] });
          for (const end of await admin.fetchTopicOffsets(topic)) {
            const at = Number(
              committed[0]?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1,
            );
            lag += Number(end.high) - (at >= 0 ? at : Number(end.low));
          }
        }
        return lag === 0 || undefined;
      },
      1_800_000,
    );
  } finally {
    await admin.disconnect();
  }
}

/** One year of a large province in the active generation (rows of retired generations purged first). */
async function seedProvinceYear(): Promise<void> {
  await waitFor(
    'retired generations purged',
    async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM dossier_fact WHERE generation IN (SELECT generation FROM projection_generation WHERE status = 'retired')`,
        )
      )[0].n === 0 || undefined,
    600_000,
  );
  const [{ generation }] = await query<{ generation: number }>(
    `SELECT generation FROM projection_generation WHERE status = 'active'`,
  );
  const db = new Client({ connectionString: testEnv.databaseUrl('reporting') });
  await db.connect();
  try {
    await db.query('BEGIN');
    for (const sql of SEED_YEAR_SQL.slice(1))
      await db.query(sql.replace(/SELECT 1,/g, `SELECT ${generation},`));
    await db.query(`DELETE FROM dossier_day_rollup WHERE generation = $1`, [generation]);
    await db.query(`DELETE FROM dossier_month_rollup WHERE generation = $1`, [generation]);
    await db.query(`DELETE FROM digitization_day_rollup WHERE generation = $1`, [generation]);
    for (const grain of ['day', 'month'] as const)
      await db.query(rebuildRollupSql(grain), [generation]);
    await db.query(REBUILD_DIGITIZATION_ROLLUP_SQL, [generation]);
    await db.query('COMMIT');
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  if (builds.length === 0) throw new Error('name at least one build (a reporting main.js)');
  await globalSetup();
  const target: BenchTarget & { reportingUrl: string } = {
    catalogUrl: '',
    dossiersUrl: '',
    pgServer: testEnv.postgresServer(),
    reportingDatabaseUrl: testEnv.databaseUrl('reporting'),
    reportingUrl: `http://127.0.0.1:${PORT}`,
    kafkaBrokers: testEnv.kafkaBrokers(),
    kafkaSasl: testEnv.kafkaSasl(KAFKA_ADMIN),
    issuer: testEnv.authIssuer(),
  };
  const results = new Map<string, (ReplayResult & { cpuPerEvent: number; dbPerEvent: number })[]>();
  try {
    console.error(`publishing ${EVENTS} dossier events…`);
    await publish(target, EVENTS);
    const first = await startBuild(builds[builds.length - 1]);
    await activeCaughtUp(target);
    await first.stop();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, build] of builds.entries()) {
        const running = await startBuild(build);
        try {
          if (PROVINCE_YEAR) {
            const t0 = Date.now();
            await seedProvinceYear();
            console.error(`seeded the province-year in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
          }
          const load = loadavg()[0];
          const cpu0 = cpuMs(running.pid);
          const sessions0 = new Map<number, number>();
          sessionsCpu(`${process.env.MOTCUA_TEST_DB_PREFIX ?? 'motcua_test'}_reporting`, sessions0);
          const sessions = new Map(sessions0);
          const sampler = setInterval(
            () =>
              sessionsCpu(
                `${process.env.MOTCUA_TEST_DB_PREFIX ?? 'motcua_test'}_reporting`,
                sessions,
              ),
            250,
          );
          const result = await replayBench(target, 1_800_000, '2025-12-31', DASHBOARD);
          clearInterval(sampler);
          const cpu = cpuMs(running.pid) - cpu0;
          let db = 0;
          for (const [pid, ms] of sessions) db += ms - (sessions0.get(pid) ?? 0);
          const row = {
            ...result,
            cpuPerEvent: cpu / result.events,
            dbPerEvent: db / result.events,
          };
          const name = NAMES[i];
          results.set(name, [...(results.get(name) ?? []), row]);
          console.error(
            `round ${round} ${name}: ${result.events} events, replay ${result.replayPerSecond.toFixed(0)}/s, plain ${result.plainPerSecond.toFixed(0)}/s, ratio ${((100 * result.replayPerSecond) / result.plainPerSecond).toFixed(1)} %, dashboard p95 ${result.dashboardP95.toFixed(0)} ms (${result.dashboardSamples}, ${result.dashboardFailures} failed), reporting CPU ${row.cpuPerEvent.toFixed(3)} ms/event, its database sessions ${row.dbPerEvent.toFixed(3)} ms/event, load ${load.toFixed(1)}`,
          );
        } finally {
          await running.stop();
        }
      }
    }
  } finally {
    await globalTeardown();
  }
  console.log(
    `| build | replay /s | plain /s | replay ÷ plain | dashboard p95 ms | reporting CPU ms/event | database CPU ms/event |`,
  );
  for (const [name, rows] of results) {
    console.log(
      `| ${name}: ${builds[NAMES.indexOf(name)]} | ${spreadOf(
        rows.map((r) => r.replayPerSecond),
        0,
      )} | ${spreadOf(
        rows.map((r) => r.plainPerSecond),
        0,
      )} | ${spreadOf(
        rows.map((r) => (100 * r.replayPerSecond) / r.plainPerSecond),
        1,
      )} % | ${spreadOf(
        rows.map((r) => r.dashboardP95),
        0,
      )} | ${spreadOf(
        rows.map((r) => r.cpuPerEvent),
        3,
      )} | ${spreadOf(
        rows.map((r) => r.dbPerEvent),
        3,
      )} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
