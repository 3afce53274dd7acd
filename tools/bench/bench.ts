import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@motcua/stack';
import { closedLoop, type ClosedLoopResult } from './dossiers/closed-loop';
import {
  consumersCaughtUp,
  kafkaOf,
  publishBenchmarkProcedure,
  rawBaseline,
  type BenchTarget,
} from './dossiers/intake-kit';
import { openLoop, type OpenLoopResult } from './dossiers/open-loop';
import { ownStack } from './dossiers/own-stack';
import { idleRssMb, peakRss } from './process-meter';
import { replayBench, type ReplayResult } from './reporting/replay';
import { SERVICES, stackTarget, type ServicePids } from './stack-target';

/**
 * The benchmarks of issue 17 in one run, printed as one table: figure, value, baseline, ratio,
 * target, met or not. `npm run bench` (stack up with `npm run up`); options:
 *   --runs=3 --count=1500 --concurrency=32   closed-loop intakes (median of the runs)
 *   --rate=100 --seconds=60                   open-loop fixed load (and at half the measured maximum)
 *   --no-replay                               skip the replay of reporting's projections (run last,
 *                                             over every event on reporting's topics)
 *   --write                                   prepend the results to docs/benchmarks.md
 *   --own                                     no stack needed: catalog and dossiers on this checkout's
 *                                             own test infrastructure (dossiers/own-stack.ts; no reporting: no replay, no intake → reporting)
 * The smoke test (tests/e2e/src/bench-smoke.int.spec.ts) runs `runBench` at a tiny size against services it starts.
 */
export type BenchOptions = {
  runs: number;
  count: number;
  concurrency: number;
  rate: number;
  seconds: number;
  /** Also the open loop at half the measured maximum throughput. */
  halfMax: boolean;
  /** How long to wait for the consumers to catch up before the baseline after the intakes. */
  catchUpMs: number;
  /** Also the replay of reporting's projections (needs the target's reportingUrl). */
  replay: boolean;
  /** Reads a second apart whose median is a service's idle RSS. */
  idleReads: number;
};

export type Row = {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: 'met' | 'NOT met' | 'not measured';
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values: number[], digits: number) =>
  values.length > 1
    ? ` (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}, ${values.length} runs)`
    : '';

function openLoopRows(label: string, r: OpenLoopResult): Row[] {
  const lost = r.failed > 0 ? `; ${r.failed} of ${r.sent} failed (${r.firstFailure})` : '';
  const row = (what: string, p99: number, limit: number, missing = 0): Row => ({
    figure: `${label}: p99 ${what}`,
    value: `${Number.isNaN(p99) ? '—' : p99.toFixed(0)} ms${lost}${missing > 0 ? `; ${missing} never seen` : ''}`,
    baseline: '—',
    ratio: Number.isNaN(p99) ? '—' : `${(p99 / limit).toFixed(2)} × target`,
    target: `≤ ${limit} ms`,
    met: !Number.isNaN(p99) && p99 <= limit && r.failed === 0 && missing === 0 ? 'met' : 'NOT met',
  });
  return [
    row('HTTP answer', r.httpP99, 25),
    row('intake → Kafka', r.kafkaP99, 50, r.notOnKafka),
    row('intake → reporting', r.reportingP99, 500, r.notInReporting),
  ];
}

export async function runBench(
  target: BenchTarget,
  pids: ServicePids,
  options: BenchOptions,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Row[]> {
  // Idle: the services as the run finds them (started and left alone), before any intake.
  const idle = await idleRssMb(pids as Record<string, number>, options.idleReads);
  const memory = peakRss(pids);
  const procedure = await publishBenchmarkProcedure(target);
  log(`procedure ${procedure.code} for agency ${procedure.agency}`);
  // The first intake waits until the catalog's event reached the dossiers' copy of the procedure.
  const { intakeClient } = await import('./dossiers/intake-kit');
  const warm = intakeClient(target, procedure, 4);
  await warm.warmUp(20);
  warm.close();

  const rawBefore = await rawBaseline(target, procedure.code, options.count, options.concurrency);
  log(`raw PostgreSQL baseline before: ${rawBefore.toFixed(0)} /s`);
  const runs: ClosedLoopResult[] = [];
  for (let run = 0; run < options.runs; run++) {
    const result = await closedLoop(
      target,
      procedure,
      options.count,
      options.concurrency,
      pids.dossiers,
      1000 + run * 2 * options.count,
    );
    log(
      `closed loop ${run + 1}: ${result.perSecond.toFixed(0)} /s, ${result.cpuMsPerIntake.toFixed(2)} ms dossiers CPU per intake, p99 ${result.p99} ms`,
    );
    runs.push(result);
  }
  const unread = await consumersCaughtUp(kafkaOf(target, 'bench-lag'), options.catchUpMs);
  const rawAfter = await rawBaseline(target, procedure.code, options.count, options.concurrency);
  log(
    `raw PostgreSQL baseline after: ${rawAfter.toFixed(0)} /s (${unread} events unread before it)`,
  );
  const raw = Math.max(rawBefore, rawAfter);

  let index = 1000 + options.runs * 2 * options.count;
  const fixed = await openLoop(target, procedure, options.rate, options.seconds, index);
  index += fixed.sent;
  log(`open loop ${options.rate}/s: ${JSON.stringify(fixed)}`);
  const maximum = median(runs.map((r) => r.perSecond));
  const half = options.halfMax
    ? await openLoop(
        target,
        procedure,
        Math.max(1, Math.round(maximum / 2)),
        options.seconds,
        index,
      )
    : undefined;
  if (half) log(`open loop at half the maximum: ${JSON.stringify(half)}`);
  const peak = memory.stop();

  const cpu = runs.map((r) => r.cpuMsPerIntake);
  const ratios = runs.map((r) => r.perSecond / raw);
  const rows: Row[] = [
    {
      figure: 'dossiers CPU per HTTP intake',
      value: `${median(cpu).toFixed(2)} ms${spread(cpu, 2)}`,
      baseline: '—',
      ratio: `${(median(cpu) / 1.0).toFixed(2)} × target`,
      target: '≤ 1.0 ms',
      met: median(cpu) <= 1.0 ? 'met' : 'NOT met',
    },
    {
      figure: `HTTP intake throughput (concurrency ${options.concurrency})`,
      value: `${maximum.toFixed(0)} /s${spread(
        runs.map((r) => r.perSecond),
        0,
      )}`,
      baseline: `${raw.toFixed(0)} /s raw PostgreSQL`,
      ratio: `${(100 * median(ratios)).toFixed(1)} %${spread(
        ratios.map((r) => 100 * r),
        1,
      )}`,
      target: '≥ 50 %',
      met: median(ratios) >= 0.5 ? 'met' : 'NOT met',
    },
    ...openLoopRows(`open loop ${options.rate}/s × ${options.seconds} s`, fixed),
    ...(half ? openLoopRows(`open loop ${half.rate}/s (½ max) × ${options.seconds} s`, half) : []),
  ];
  for (const name of SERVICES) {
    if (pids[name] === undefined) continue;
    rows.push(
      {
        figure: `${name} RSS idle`,
        value: `${idle[name].toFixed(0)} MB`,
        baseline: '—',
        ratio: `${(idle[name] / 150).toFixed(2)} × target`,
        target: '≤ 150 MB',
        met: idle[name] <= 150 ? 'met' : 'NOT met',
      },
      {
        figure: `${name} RSS peak during the run`,
        value: `${peak[name].toFixed(0)} MB`,
        baseline: '—',
        ratio: `${(peak[name] / 300).toFixed(2)} × target`,
        target: '≤ 300 MB',
        met: peak[name] <= 300 ? 'met' : 'NOT met',
      },
    );
  }
  const replay =
    options.replay && target.reportingUrl
      ? await replayBench({ ...target, reportingUrl: target.reportingUrl })
      : undefined;
  if (replay) log(`replay: ${JSON.stringify(replay)}`);
  rows.push(...replayRows(replay));
  return rows;
}

function replayRows(r: ReplayResult | undefined): Row[] {
  if (!r)
    return [
      {
        figure: 'replay of reporting projections vs plain KafkaJS read',
        value: '—',
        baseline: '—',
        ratio: '—',
        target: '≥ 50 %',
        met: 'not measured',
      },
      {
        figure: 'dashboard p95 (year figures) during the replay',
        value: '—',
        baseline: '—',
        ratio: '—',
        target: '≤ 100 ms',
        met: 'not measured',
      },
    ];
  const ratio = r.replayPerSecond / r.plainPerSecond;
  const failed = r.dashboardFailures > 0 ? `; ${r.dashboardFailures} failed` : '';
  return [
    {
      figure: `replay of reporting projections (${r.events} events) vs plain KafkaJS read`,
      value: `${r.replayPerSecond.toFixed(0)} events/s`,
      baseline: `${r.plainPerSecond.toFixed(0)} events/s plain batch read`,
      ratio: `${(100 * ratio).toFixed(1)} %`,
      target: '≥ 50 %',
      met: ratio >= 0.5 ? 'met' : 'NOT met',
    },
    {
      figure: 'dashboard p95 (year figures) during the replay',
      value: `${Number.isNaN(r.dashboardP95) ? '—' : r.dashboardP95.toFixed(0)} ms (${r.dashboardSamples} requests${failed})`,
      baseline: '—',
      ratio: Number.isNaN(r.dashboardP95) ? '—' : `${(r.dashboardP95 / 100).toFixed(2)} × target`,
      target: '≤ 100 ms',
      met:
        !Number.isNaN(r.dashboardP95) && r.dashboardP95 <= 100 && r.dashboardFailures === 0
          ? 'met'
          : 'NOT met',
    },
  ];
}

/** The rows as a Markdown table (readable in a terminal too). */
export function formatTable(rows: Row[]): string {
  const head: Row = {
    figure: 'figure',
    value: 'value',
    baseline: 'baseline',
    ratio: 'ratio',
    target: 'target',
    met: 'met',
  };
  const cells = (r: Row) => [r.figure, r.value, r.baseline, r.ratio, r.target, r.met];
  const widths = cells(head).map((_, i) =>
    Math.max(...[head, ...rows].map((r) => cells(r)[i].length)),
  );
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells(head)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

function option(name: string, fallback: number): number {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? fallback : Number(value);
}

/** Prepends a dated section with the table to docs/benchmarks.md, under its introduction. */
function writeResults(table: string, options: BenchOptions) {
  const file = join(repoRoot(), 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const marker = '<!-- results: newest first -->';
  const cpus = os.cpus();
  const section = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — \`npm run bench\``,
    '',
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' / ',
      )} at the end; ${options.runs} closed-loop runs of ${options.count} intakes at concurrency ${options.concurrency}, open loop ${options.rate}/s for ${options.seconds} s.`,
    '',
    table,
    '',
  ].join('\n');
  writeFileSync(file, text.replace(marker, `${marker}\n\n${section}`));
}

async function main() {
  const options: BenchOptions = {
    runs: option('runs', 3),
    count: option('count', 1500),
    concurrency: option('concurrency', 32),
    rate: option('rate', 100),
    seconds: option('seconds', 60),
    halfMax: !process.argv.includes('--no-half-max'),
    catchUpMs: 120_000,
    replay: !process.argv.includes('--no-replay'),
    idleReads: 10,
  };
  const own = process.argv.includes('--own') ? await ownStack() : undefined;
  const { target, pids } = own
    ? { target: own.target, pids: { dossiers: own.dossiersPid } }
    : stackTarget();
  const rows = await runBench(target, pids, options).finally(() => own?.stop());
  const table = formatTable(rows);
  console.log(table);
  if (process.argv.includes('--write')) writeResults(table, options);
}

if (require.main === module)
  void main().catch((error: Error) => {
    console.error(`benchmark failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
