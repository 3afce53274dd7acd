import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { rssMb } from '../process-meter';
import { environmentOf, ownStack } from './own-stack';

/**
 * Idle resident memory of builds of the dossiers service, compared in one run on this checkout's
 * own test infrastructure (own-stack.ts): each build is started in turn (A, B, A, B, …), left idle
 * for `--idle=45` seconds, and its RSS read (the median of ten reads a second apart). A build
 * started with NODE_OPTIONS="-r ./tools/bench/profile/memory-preload.js" also prints what its heap
 * holds (SIGUSR2). Builds as in cpu-ab.ts: `<main.js>[+NAME=value…]`.
 *   node -r ./tools/register-ts.js tools/bench/dossiers/idle-rss.ts <A main.js> <B main.js> … [--rounds=3] [--idle=45]
 */
const builds = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = option('rounds', 3);
const IDLE_S = option('idle', 45);
const NAMES = 'ABCDEFGH';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];

async function main() {
  const stack = await ownStack();
  const env = environmentOf(stack.dossiersPid);
  process.kill(stack.dossiersPid, 'SIGTERM');
  await sleep(3000);
  const results: number[][] = builds.map(() => []);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, build] of builds.entries()) {
        const [main, ...settings] = build.split('+');
        const own = Object.fromEntries(
          settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]),
        );
        const child = spawn(process.execPath, ['--enable-source-maps', resolve(main)], {
          env: { ...env, ...own },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let report = '';
        child.stderr.on('data', (chunk: Buffer) => {
          const line = chunk
            .toString()
            .split('\n')
            .find((l) => l.startsWith('{"memory"'));
          if (line) report = line;
        });
        for (let t = 0; t < 240; t++) {
          const up = await fetch(`${stack.target.dossiersUrl}/health`)
            .then((r) => r.ok)
            .catch(() => false);
          if (up) break;
          await sleep(500);
        }
        await sleep(IDLE_S * 1000);
        const reads: number[] = [];
        for (let r = 0; r < 10; r++, await sleep(1000)) reads.push(rssMb(child.pid!));
        results[i].push(median(reads));
        child.kill('SIGUSR2');
        await sleep(2000);
        console.error(
          `round ${round + 1} ${NAMES[i]}: idle RSS ${median(reads).toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}${report ? `\n  ${report}` : ''}`,
        );
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      }
    }
  } finally {
    await stack.stop();
  }
  for (const [i, build] of builds.entries()) {
    const rss = results[i];
    console.log(
      `${NAMES[i]} ${build}: idle RSS ${median(rss).toFixed(0)} MB (${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)}, ${rss.length} runs)`,
    );
  }
}

void main().catch((error: Error) => {
  console.error(`idle RSS failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
