/**
 * Builds of the reporting service compared on the lag of issue 17 ("p99 intake → the dossier
 * counted in reporting's figures ≤ 500 ms at 100 intakes/s"), from the broker on: an open-loop
 * load of dossier receipts published straight to the dossier topic, each timed from its
 * scheduled send until its fact row is in reporting's database (polled every 50 ms), in one run
 * on this checkout's own test infrastructure (the global set-up of `npm test`).
 *   node -r ./tools/register-ts.js tools/bench/reporting/lag-ab.ts <A main.js> <B main.js> … \
 *     [--rate=100] [--seconds=30] [--rounds=2]
 * Per round and build (A, B, …, A, B, …): starts the build, waits until a first receipt is
 * counted (the group joined and caught up), offers `rate` receipts a second for `seconds`, stops
 * the build. Prints each run and per build the median (min–max) of the p99 and p50.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { KAFKA_ADMIN, toKafkaRecord } from '@motcua/contracts';
import { waitFor } from '@motcua/stack';
// eslint-disable-next-line no-restricted-imports -- the run uses npm test's own infrastructure on purpose, as replay-ab.ts does.
import { serviceTestEnv, testEnv } from '@motcua/testing';
import globalSetup from '../../../libs/testing/src/global-setup';
import globalTeardown from '../../../libs/testing/src/global-teardown';
import { percentile } from '../bench-kit';
import { kafkaOf, watchReporting, type BenchTarget } from '../dossiers/intake-kit';
import { replayedEvents } from './replayed-events';

const args = process.argv.slice(2);
const builds = args.filter((a) => !a.startsWith('--'));
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RATE = option('rate', 100);
const SECONDS = option('seconds', 30);
const ROUNDS = option('rounds', 2);
const NAMES = 'ABCDEFGH';
const PORT = 4976 + Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0);
const LOG = join(__dirname, '..', '..', '..', '.data', 'bench-lag', 'reporting.log');
mkdirSync(join(LOG, '..'), { recursive: true });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (v: number[]) =>
  `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;

/** One build as its own process, answering /health; `stop` ends it. */
async function started(build: string): Promise<() => Promise<void>> {
  const [main, ...flags] = build.split('+');
  const child: ChildProcess = spawn(process.execPath, [...flags, resolve(main)], {
    env: { ...serviceTestEnv('reporting', PORT), LOG_LEVEL: 'warn' },
    stdio: ['ignore', openSync(LOG, 'a'), openSync(LOG, 'a')],
  });
  await waitFor(
    'reporting /health',
    async () =>
      (await fetch(`http://127.0.0.1:${PORT}/health`).catch(() => undefined))?.status === 200 ||
      undefined,
    120_000,
  );
  return () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
}

/** Receipts offered open loop; ms from each one's scheduled send until reporting counted it. */
async function offered(target: BenchTarget, count: number, rate: number): Promise<number[]> {
  const producer = kafkaOf(target, 'bench-lag').producer();
  await producer.connect();
  const reporting = watchReporting(target);
  const scheduledAt = new Map<string, number>();
  try {
    const receipts = replayedEvents(count, count).slice(0, count);
    const sends: Promise<unknown>[] = [];
    const start = Date.now() + 50;
    for (const [i, { event, topic, key }] of receipts.entries()) {
      const at = start + (i * 1000) / rate;
      if (at > Date.now()) await sleep(at - Date.now());
      const id = (event.data as { dossierId: string }).dossierId;
      scheduledAt.set(id, at);
      reporting.watch(id);
      sends.push(producer.send({ topic, messages: [toKafkaRecord(event, key)] }));
    }
    await Promise.all(sends);
  } finally {
    await producer.disconnect();
  }
  const { counted, missing } = await reporting.finish(60_000);
  if (missing > 0) throw new Error(`${missing} receipts never counted`);
  return [...counted].map(([id, t]) => t - scheduledAt.get(id)!);
}

async function main(): Promise<void> {
  if (builds.length === 0) throw new Error('name at least one build (a reporting main.js)');
  await globalSetup();
  const target: BenchTarget = {
    catalogUrl: '',
    dossiersUrl: '',
    pgServer: testEnv.postgresServer(),
    reportingDatabaseUrl: testEnv.databaseUrl('reporting'),
    kafkaBrokers: testEnv.kafkaBrokers(),
    kafkaSasl: testEnv.kafkaSasl(KAFKA_ADMIN),
    issuer: testEnv.authIssuer(),
  };
  const results = new Map<string, { p99: number; p50: number }[]>();
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, build] of builds.entries()) {
        const stop = await started(build);
        try {
          await offered(target, 1, 1); // joined and caught up
          const load = loadavg()[0];
          const lags = await offered(target, RATE * SECONDS, RATE);
          const row = { p99: percentile(lags, 99), p50: percentile(lags, 50) };
          results.set(NAMES[i], [...(results.get(NAMES[i]) ?? []), row]);
          console.error(
            `round ${round} ${NAMES[i]}: ${lags.length} receipts at ${RATE}/s, p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, load ${load.toFixed(1)}`,
          );
        } finally {
          await stop();
        }
      }
    }
  } finally {
    await globalTeardown();
  }
  console.log(`| build | p50 ms | p99 ms (Kafka → counted, ${RATE}/s × ${SECONDS} s) |`);
  for (const [name, rows] of results)
    console.log(
      `| ${name}: ${builds[NAMES.indexOf(name)]} | ${spread(rows.map((r) => r.p50))} | ${spread(rows.map((r) => r.p99))} |`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
