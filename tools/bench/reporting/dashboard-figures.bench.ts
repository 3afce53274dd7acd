/**
 * Benchmark: the dashboard's figure queries through the reporting service vs. a plain SQL
 * aggregate over the same rows, on one year of a large province (600,000 dossiers). Each case is
 * timed twice: as a query (every timed call preceded, untimed, by a change notice published on the
 * change feed's Redis channel, as a projection's commit does, so the answer cache forgets) and as
 * the cached answer (the same call repeated with no change in between).
 *   node tools/build/build-service.mjs reporting
 *   node -r ./tools/register-ts.js tools/bench/reporting/dashboard-figures.bench.ts
 * Needs the machine's PostgreSQL and Redis and a Kafka broker (KAFKA_BROKERS, default the test
 * broker 127.0.0.1:19092); makes and drops its own database motcua_bench_reporting.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { kafkaSaslEnv, readKafkaCredentials } from '@motcua/stack';
import { changeChannelOf } from '../../../apps/reporting/src/changes/change-feed.service';
import { rebuildRollupSql } from '../../../apps/reporting/src/projections/dossier-rollup';
import { REBUILD_DIGITIZATION_ROLLUP_SQL } from '../../../apps/reporting/src/projections/digitization-fact.repository';
import { SEED_YEAR_SQL } from './seed-year.sql';

const root = join(__dirname, '..', '..', '..');
const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = 'motcua_bench_reporting';
const dbUrl = server.replace(/\/[^/]*$/, `/${dbName}`);
const port = Number(process.env.BENCH_PORT ?? 4690);
const base = `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
/** Untimed wait after a change notice, for every subscriber to have heard it. */
const NOTICE_SETTLE_MS = 20;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(what: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await what();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median of RUNS timed calls after two warm-up calls; `before` runs untimed ahead of each call. */
async function measure(
  what: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => undefined,
): Promise<number> {
  await what();
  await what();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await before();
    samples.push(await time(what));
  }
  return median(samples);
}

async function get(path: string): Promise<unknown> {
  const response = await fetch(base + path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/apps/reporting/main.js')))
    throw new Error('build first: node tools/build/build-service.mjs reporting');
  console.log(`making ${dbName} and seeding one year (600,000 dossiers)...`);
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${dbName}`);
  const migrated = spawnSync(
    'bash',
    [join(root, 'tools/prisma/prisma.sh'), 'reporting', 'deploy'],
    { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' },
  );
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const seeded = await time(async () => {
    for (const sql of SEED_YEAR_SQL) await db.query(sql);
    // the rollups the projectors maintain, filled from the seeded facts in one GROUP BY each
    for (const grain of ['day', 'month'] as const) await db.query(rebuildRollupSql(grain), [1]);
    await db.query(REBUILD_DIGITIZATION_ROLLUP_SQL, [1]);
    await db.query('ANALYZE dossier_day_rollup, dossier_month_rollup, digitization_day_rollup');
  });
  console.log(`seeded in ${(seeded / 1000).toFixed(1)} s`);

  const child = spawn(process.execPath, [join(root, 'dist/apps/reporting/main.js')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
      AUTH_JWKS_URL: `file://${join(root, '.data/auth/jwks.json')}`,
      AUTH_ISSUER: 'motcua-dev',
      AUTH_AUDIENCE: 'motcua',
      LOG_LEVEL: 'warn',
      // reporting signs in as itself (default: the test broker's credentials).
      ...kafkaSaslEnv(
        readKafkaCredentials(
          process.env.KAFKA_CREDENTIALS_DIR ?? join(root, 'infra/kafka/.data-test/credentials'),
          'reporting',
        ),
      ),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const redis = new Redis(redisUrl);
  const channel = changeChannelOf(dbUrl);
  // What a projection's commit makes every instance hear: its answer cache forgets everything.
  const changeNotice = async (): Promise<void> => {
    const notice = { instance: 'bench', generation: 1, type: 'DossierReceived' };
    if ((await redis.publish(channel, JSON.stringify(notice))) === 0)
      throw new Error(`no reporting instance listens on ${channel}`);
    await new Promise((r) => setTimeout(r, NOTICE_SETTLE_MS));
  };
  try {
    for (let i = 0; i < 300; i += 1) {
      if ((await fetch(`${base}/health`).catch(() => undefined))?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const year = 'period=year&date=2025-06-15';
    const baselineSql = `SELECT count(*) FILTER (WHERE received_on BETWEEN $1 AND $2) AS received,
        count(*) FILTER (WHERE finished_on BETWEEN $1 AND $2 AND on_time) AS on_time,
        count(*) FILTER (WHERE finished_on BETWEEN $1 AND $2) AS processed
      FROM dossier_fact WHERE generation = 1 AND (received_on BETWEEN $1 AND $2 OR finished_on BETWEEN $1 AND $2)`;
    const baselineYear = await measure(() => db.query(baselineSql, ['2025-01-01', '2025-12-31']));
    const baselineMonth = await measure(() =>
      db.query(baselineSql + ` AND agency_code = 'A07.H26'`, ['2025-06-01', '2025-06-30']),
    );
    const cases: [string, () => Promise<unknown>, number][] = [
      ['all figures, province, year', () => get(`/figures?${year}`), baselineYear],
      ['766 index, province, year', () => get(`/index-766?${year}`), baselineYear],
      ['on-time series by month, year', () => get(`/figures?${year}&groupBy=month`), baselineYear],
      [
        'figures by agency (60 rows), year',
        () => get(`/figures?${year}&groupBy=agency`),
        baselineYear,
      ],
      [
        'all figures, one agency, month',
        () => get('/figures?agency=A07.H26&period=month&date=2025-06-15'),
        baselineMonth,
      ],
      [
        'all figures by day, province, month',
        () => get('/figures?period=month&date=2025-06-15&groupBy=day'),
        baselineYear,
      ],
      [
        'overdue list (20 of 60,000 unfinished)',
        () => get('/figures/overdue?limit=20'),
        baselineYear,
      ],
      ['Decree 61 evaluation, province, year', () => get(`/evaluation-61?${year}`), baselineYear],
      [
        'Decree 61 evaluation by agency, quarter',
        () => get('/evaluation-61?period=quarter&date=2025-06-15&groupBy=agency'),
        baselineYear,
      ],
      [
        'whole dashboard load (4 calls in parallel), province, month',
        () =>
          Promise.all([
            get('/index-766?period=month&date=2025-06-15'),
            get('/figures?period=month&date=2025-06-15&groupBy=day'),
            get('/figures/overdue?limit=20'),
            get('/figures/review-campaigns'),
          ]),
        baselineYear,
      ],
      [
        'whole dashboard load (4 calls in parallel), year',
        () =>
          Promise.all([
            get(`/index-766?${year}`),
            get(`/figures?${year}&groupBy=month`),
            get('/figures/overdue?limit=20'),
            get('/figures/review-campaigns'),
          ]),
        baselineYear,
      ],
    ];
    console.log(
      `\nbaseline: plain SQL aggregate (3 counts) over the same rows: year ${baselineYear.toFixed(1)} ms, one agency-month ${baselineMonth.toFixed(1)} ms`,
    );
    console.log(
      `median of ${RUNS} runs each; query: after a change notice, cached: answered from memory\n`,
    );
    console.log(
      'case'.padEnd(60) +
        'query ms'.padStart(10) +
        'ratio'.padStart(8) +
        'cached ms'.padStart(11) +
        'ratio'.padStart(8),
    );
    for (const [name, run, baseline] of cases) {
      const query = await measure(run, changeNotice);
      const cached = await measure(run);
      console.log(
        name.padEnd(60) +
          query.toFixed(1).padStart(10) +
          `${(query / baseline).toFixed(2)}x`.padStart(8) +
          cached.toFixed(2).padStart(11) +
          `${(cached / baseline).toFixed(3)}x`.padStart(8),
      );
    }
  } finally {
    redis.disconnect();
    child.kill('SIGTERM');
    await db.end();
    await new Promise((r) => setTimeout(r, 1500));
    if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
