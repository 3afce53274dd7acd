/**
 * Benchmark: the Decision 766 per-dossier inputs counted in SQL (what the API runs) and, with
 * BENCH_RECORDS=1, read as records and counted by the reference rules, on one year of a large
 * province (600,000 dossiers, seed-year.sql.ts), against a plain SQL aggregate of 3 counts over the
 * same facts, measured in the same run.
 *   node -r ./tools/register-ts.js tools/bench/reporting/index-766.bench.ts
 * Makes and drops its own database (BENCH_DB, default motcua_bench_index766).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  Index766Repository,
  boundsOf,
} from '../../../apps/reporting/src/index-766/index-766.repository';
import { inputsOf } from '../../../apps/reporting/src/index-766/index-766.rules';
import { resolvePeriod } from '../../../apps/reporting/src/figures/period';
import type { ReportingDatabase } from '../../../apps/reporting/src/reporting.database';
import { SEED_YEAR_SQL } from './seed-year.sql';

const root = join(__dirname, '..', '..', '..');
const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = process.env.BENCH_DB ?? 'motcua_bench_index766';
const dbUrl = server.replace(/\/[^/]*$/, `/${dbName}`);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
async function measure(what: () => Promise<unknown>): Promise<number> {
  await what();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    await what();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

async function main(): Promise<void> {
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
  try {
    for (const sql of SEED_YEAR_SQL) await db.query(sql);
    await db.query('ANALYZE');
    const shim = {
      $queryRawUnsafe: async (sql: string, ...values: unknown[]): Promise<unknown[]> =>
        (await db.query(sql, values)).rows as unknown[],
    } as unknown as ReportingDatabase;
    const records = new Index766Repository(shim);
    const cases = [
      { name: 'province, year', period: resolvePeriod('year', '2025-06-15'), agency: undefined },
      { name: 'province, month', period: resolvePeriod('month', '2025-06-15'), agency: undefined },
      {
        name: 'one agency, quarter',
        period: resolvePeriod('quarter', '2025-06-15'),
        agency: 'A07.H26',
      },
    ];
    for (const c of cases) {
      const baseline = await measure(() =>
        db.query(
          `SELECT count(*) FILTER (WHERE received_on BETWEEN $1 AND $2), count(*) FILTER (WHERE finished_on BETWEEN $1 AND $2 AND on_time),
           count(*) FILTER (WHERE finished_on BETWEEN $1 AND $2) FROM dossier_fact WHERE generation = 1 ${c.agency ? 'AND agency_code = $3' : ''}`,
          c.agency ? [c.period.from, c.period.to, c.agency] : [c.period.from, c.period.to],
        ),
      );
      const counted = await measure(() => records.inputs(1, c.period, { agency: c.agency }, null));
      console.log(
        `${c.name}: 766 inputs in SQL ${counted.toFixed(0)} ms, baseline ${baseline.toFixed(1)} ms, ratio ${(counted / baseline).toFixed(1)}×`,
      );
      if (process.env.BENCH_RECORDS === '1') {
        const read = await measure(async () => {
          const [dossiers, feedback] = await Promise.all([
            records.dossiers(1, c.period, { agency: c.agency }),
            records.feedback(1, c.period, c.agency),
          ]);
          return inputsOf(dossiers, feedback, boundsOf(c.period));
        });
        console.log(`${c.name}: 766 inputs as records ${read.toFixed(0)} ms`);
      }
    }
  } finally {
    await db.end();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
