import { percentile, runConcurrently } from '../bench-kit';
import { stackTarget } from '../stack-target';
import {
  consumersCaughtUp,
  intakeClient,
  kafkaArrivals,
  kafkaOf,
  publishBenchmarkProcedure,
  rawBaseline,
  topicEnds,
} from './intake-kit';

/**
 * Dossier intake benchmark (issues 5 and 17), one closed-loop run with phase marks, for profiling
 * with tools/bench/cpu-by-process.py. Needs the stack up (`npm run up`); `npm run bench` runs the
 * whole set of figures.
 *   node -r ./tools/register-ts.js tools/bench/dossiers/intake.bench.ts [count] [concurrency]
 * 1. Intake over HTTP: POST /dossiers with a desk officer's token, `concurrency` requests in
 *    flight, and the time from each request's start to its dossier.received event on Kafka (the
 *    broker timestamp, read from the topic after the intakes so the reading does not load the machine).
 * 2. Raw baseline, same run, same concurrency: the same rows written straight to PostgreSQL
 *    (intake-kit.ts), before the intakes and again after them once the consumers caught up, the
 *    faster of the two counting.
 * The HTTP part creates real dossiers (applicant "Nguyễn Văn Benchmark") in the stack.
 */
const COUNT = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.argv[3] ?? 32);

async function main() {
  const { target } = stackTarget();
  const procedure = await publishBenchmarkProcedure(target);
  console.log(
    `dossier intake benchmark: ${COUNT} intakes, concurrency ${CONCURRENCY}, procedure ${procedure.code}`,
  );
  const before = await rawBaseline(target, procedure.code, COUNT, CONCURRENCY);
  const client = intakeClient(target, procedure, CONCURRENCY);
  await client.warmUp(200);
  const kafka = kafkaOf(target, 'bench');
  const from = await topicEnds(kafka);
  const started = new Map<string, number>();
  const latencies: number[] = [];
  console.error('phase: measured HTTP intakes start');
  const elapsed = await runConcurrently(COUNT, CONCURRENCY, async (i) => {
    const t0 = Date.now();
    const id = await client.post(1000 + i);
    latencies.push(Date.now() - t0);
    started.set(id, t0);
  });
  console.error('phase: measured HTTP intakes end');
  client.close();
  const arrived = await kafkaArrivals(kafka, from, new Set(started.keys()));
  const toKafka = [...started]
    .filter(([id]) => arrived.has(id))
    .map(([id, t0]) => arrived.get(id)! - t0);
  const unread = await consumersCaughtUp(kafkaOf(target, 'bench-lag'));
  const after = await rawBaseline(target, procedure.code, COUNT, CONCURRENCY);
  const raw = Math.max(before, after);
  const perSecond = COUNT / (elapsed / 1000);
  const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(0)} ms`;
  console.log(
    `HTTP intake        ${perSecond.toFixed(0)} /s   p50 ${ms(latencies, 50)}  p95 ${ms(latencies, 95)}  p99 ${ms(latencies, 99)}`,
  );
  console.log(
    `intake → Kafka     p50 ${ms(toKafka, 50)}  p99 ${ms(toKafka, 99)}  (${started.size - toKafka.length} not seen within 60 s)`,
  );
  console.log(
    `raw PostgreSQL     ${raw.toFixed(0)} /s  (same rows, one transaction per dossier; ${before.toFixed(0)} /s before the intakes, ${after.toFixed(0)} /s after${unread > 0 ? `, ${unread} events still unread by the consumers` : ''})`,
  );
  console.log(
    `ratio              ${((perSecond / raw) * 100).toFixed(1)} % of the raw baseline (target ≥ 50 %)`,
  );
}

void main().catch((error: Error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
