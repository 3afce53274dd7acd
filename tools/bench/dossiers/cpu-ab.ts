import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '@motcua/stack';
import { stackTarget } from '../stack-target';
import { closedLoop, type ClosedLoopResult } from './closed-loop';
import { intakeClient, publishBenchmarkProcedure, type BenchTarget } from './intake-kit';
import { environmentOf, ownStack } from './own-stack';

/**
 * Builds of the dossiers service compared in the same run (issue 17: on a shared machine only a
 * baseline measured alongside says anything). On the stack of `npm run up`, the running dossiers
 * process is replaced by build A, then B (then C …), then A again … (`rounds` each), every one
 * started with the environment of the process it replaces and warmed up, and its CPU per intake
 * measured over a closed loop. Prints each run, the medians with their spread and each build's
 * ratio to A, per round. The last build is left running (the stack's pid file names it).
 *   node -r ./tools/register-ts.js tools/bench/dossiers/cpu-ab.ts <A main.js> <B main.js> … \
 *     [--rounds=3] [--count=1500] [--concurrency=32] [--warmup=500]
 * E.g. A = a build of the base commit copied to dist/apps/dossiers-base/main.js, B = dist/apps/dossiers/main.js.
 * With --own, no stack is needed: the builds run on this checkout's own test infrastructure (see
 * own-stack.ts), which the run starts and stops, so checkouts sharing a machine do not collide.
 * A build may take environment variables of its own: `<main.js>+NAME=value+NAME2=value`.
 */
const builds = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'))
  .map((p) => resolve(p));
const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = option('rounds', 3);
const COUNT = option('count', 1500);
const CONCURRENCY = option('concurrency', 32);
/** Intakes before the measured ones, so that V8 has compiled the hot path (at least 300). */
const WARM_UP = option('warmup', 500);
const NAMES = 'ABCDEFGH';
const OWN = process.argv.includes('--own');

const stackDir = OWN ? join(repoRoot(), '.data', 'bench-own') : join(repoRoot(), '.data', 'stack');
const pidFile = join(stackDir, 'dossiers.pid');
const logFile = join(stackDir, 'logs', 'dossiers.log');

/** `<main.js>+NAME=value+…`: the build's file and the variables it runs with on top of the stack's. */
function buildOf(arg: string): { main: string; env: Record<string, string> } {
  const [main, ...settings] = arg.split('+');
  return {
    main,
    env: Object.fromEntries(
      settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]),
    ),
  };
}

async function stop(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 600; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dossiers process ${pid} did not stop within 60 s`);
}

async function start(build: string, env: NodeJS.ProcessEnv, url: string): Promise<number> {
  const { main, env: own } = buildOf(build);
  mkdirSync(join(stackDir, 'logs'), { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    env: { ...env, ...own },
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  for (let i = 0; i < 480; i++) {
    const healthy = await fetch(`${url}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) return child.pid!;
    if (child.exitCode !== null) throw new Error(`${main} stopped while starting (${logFile})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${main} did not become healthy within 2 minutes`);
}

/** The per-thread split of a run's CPU per intake, e.g. `main 1.60, other threads 0.85`. */
function threadsOf(result: ClosedLoopResult): string {
  const { main = 0, ...others } = result.threadCpuMsPerIntake;
  const rest = Object.values(others).reduce((sum, ms) => sum + ms, 0);
  return `main ${main.toFixed(2)}, other threads ${rest.toFixed(2)}`;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];

async function main() {
  if (builds.length < 2)
    throw new Error(
      'usage: cpu-ab.ts <A main.js> <B main.js> … [--rounds] [--count] [--concurrency]',
    );
  let target: BenchTarget;
  let pid: number;
  let stopStack: () => Promise<void> = async () => undefined;
  if (OWN) {
    const own = await ownStack();
    ({ target } = own);
    pid = own.dossiersPid;
    stopStack = own.stop;
  } else {
    const stack = stackTarget();
    ({ target } = stack);
    pid = stack.pids.dossiers;
  }
  const env = environmentOf(pid);
  const procedure = await publishBenchmarkProcedure(target);
  let index = 5_000_000 + (Date.now() % 1_000_000) * 10;
  const results: ClosedLoopResult[][] = builds.map(() => []);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, main] of builds.entries()) {
        await stop(pid);
        pid = await start(main, env, target.dossiersUrl);
        const warm = intakeClient(target, procedure, 8);
        await warm.warmUp(WARM_UP);
        warm.close();
        // A build started with NODE_OPTIONS=-r tools/bench/profile/cpu-profile-preload.js is profiled
        // over exactly the measured intakes (SIGWINCH starts and stops its profiler).
        const profiled = buildOf(main).env.NODE_OPTIONS?.includes('cpu-profile-preload') ?? false;
        const running = pid;
        const result = await closedLoop(target, procedure, COUNT, CONCURRENCY, pid, index, () => {
          if (profiled) process.kill(running, 'SIGWINCH');
        });
        index += 2 * COUNT + 400;
        results[i].push(result);
        console.error(
          `round ${round + 1} ${NAMES[i]}: ${result.cpuMsPerIntake.toFixed(2)} ms CPU per intake (${threadsOf(result)}; + ${result.childCpuMsPerIntake.toFixed(2)} ms in its child processes), ${result.perSecond.toFixed(0)} /s, p99 ${result.p99} ms, load ${loadavg()[0].toFixed(1)}`,
        );
      }
    }
  } finally {
    // Also after a failure: this run's own stack (--own) is stopped, the build under test with it.
    if (OWN) {
      await stop(pid).catch(() => undefined);
      await stopStack();
    }
  }
  for (const [i, main] of builds.entries()) {
    const cpu = results[i].map((r) => r.cpuMsPerIntake);
    const ratios = results[i].map(
      (r, round) => r.cpuMsPerIntake / results[0][round].cpuMsPerIntake,
    );
    const children = results[i].map((r) => r.childCpuMsPerIntake);
    const whole = results[i].map((r) => r.cpuMsPerIntake + r.childCpuMsPerIntake);
    const mainThread = results[i].map((r) => r.threadCpuMsPerIntake.main ?? 0);
    console.log(
      `${NAMES[i]} ${main}: ${median(cpu).toFixed(2)} ms CPU per intake (${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)}, ${cpu.length} runs), main thread ${median(mainThread).toFixed(2)} (${Math.min(...mainThread).toFixed(2)}–${Math.max(...mainThread).toFixed(2)}); / A ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); child processes (the relay when it runs apart) ${median(children).toFixed(2)} ms; both ${median(whole).toFixed(2)} ms (${Math.min(...whole).toFixed(2)}–${Math.max(...whole).toFixed(2)})`,
    );
  }
}

void main().catch((error: Error) => {
  console.error(`A/B failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
