import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { SERVICES, type ServiceName } from '@motcua/contracts';
import { SERVICE_NODE_OPTIONS } from '@motcua/stack';
// eslint-disable-next-line no-restricted-imports -- runs the services on npm test's own infrastructure (Jest's global set-up and startService) on purpose: the one set-up that keeps checkouts sharing a machine apart.
import { startService, type RunningService } from '@motcua/testing';
// The test infrastructure's global set-up and teardown are files of libs/testing, not exported by it.
import globalSetup from '../../libs/testing/src/global-setup';
import globalTeardown from '../../libs/testing/src/global-teardown';
import { idleRssMb } from './process-meter';

/**
 * Idle resident memory of the five built services (dist/apps/<name>/main.js) on this checkout's own
 * test infrastructure (MOTCUA_TEST_DB_PREFIX, MOTCUA_TEST_KAFKA_PORT, MOTCUA_TEST_PORT_OFFSET): each
 * round starts them together as the integration tests do, waits until /health answers, leaves them
 * idle for `--idle=30` seconds and reads each one's RSS (the median of ten reads a second apart).
 * With `--heap` they are started with tools/bench/profile/memory-preload.js and print what their
 * heap holds (V8 spaces, modules loaded per package) after a full collection.
 *   node -r ./tools/register-ts.js tools/bench/idle-rss.ts [catalog dossiers …] [--rounds=3] [--idle=30] [--heap]
 * Settings compared in one run (each round starts every variant in turn, so each sees the same
 * machine): `--variant=<label>:NAME=value;NAME=value` (repeatable); without one, the services as built.
 */
const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = option('rounds', 3);
const IDLE_S = option('idle', 30);
const HEAP = process.argv.includes('--heap');
type Variant = { label: string; env: Record<string, string> };
const variants: Variant[] = process.argv
  .filter((a) => a.startsWith('--variant='))
  .map((a) => a.slice('--variant='.length))
  .map((spec) => {
    const [label, settings = ''] = [
      spec.slice(0, spec.indexOf(':')),
      spec.slice(spec.indexOf(':') + 1),
    ];
    const env = settings
      .split(';')
      .filter(Boolean)
      .map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]);
    return { label: label || spec, env: Object.fromEntries(env) as Record<string, string> };
  });
if (variants.length === 0) variants.push({ label: 'as built', env: {} });
const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = (asked.length > 0 ? asked : SERVICES) as ServiceName[];
const PORTS: Record<ServiceName, number> = {
  catalog: 4981,
  dossiers: 4982,
  feedback: 4983,
  digitization: 4984,
  reporting: 4985,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];

function environment(variant: Variant): Record<string, string> {
  if (!HEAP) return variant.env;
  const preload = resolve(__dirname, 'profile', 'memory-preload.js');
  const own = variant.env.NODE_OPTIONS ?? SERVICE_NODE_OPTIONS;
  return { ...variant.env, NODE_OPTIONS: `${own} --expose-gc -r ${preload}`.trim() };
}

/** The heap report memory-preload.js prints on SIGUSR2, from the service's logs. */
async function heapReport(service: RunningService): Promise<string> {
  service.process.kill('SIGUSR2');
  for (let t = 0; t < 20; t++, await sleep(250)) {
    const line = service.logs.findLast((l) => l.startsWith('{"memory"'));
    if (line) return line;
  }
  return '(no heap report)';
}

/** Starts the services with a variant's settings, leaves them idle and reads their RSS. */
async function measure(variant: Variant, round: number): Promise<Record<ServiceName, number>> {
  const started = await Promise.allSettled(
    names.map((name) => startService(name, PORTS[name], environment(variant))),
  );
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    await sleep(IDLE_S * 1000);
    const exited = services.find((s) => s.process.exitCode !== null);
    if (exited)
      throw new Error(`${exited.name} exited while idle:\n${exited.logs.slice(-20).join('\n')}`);
    const idle = await idleRssMb(
      Object.fromEntries(services.map((s) => [s.name, s.process.pid!])) as Record<
        ServiceName,
        number
      >,
    );
    for (const s of services) {
      const heap = HEAP ? `\n  ${await heapReport(s)}` : '';
      console.error(
        `round ${round} ${variant.label} ${s.name}: idle RSS ${idle[s.name].toFixed(0)} MB${heap}`,
      );
    }
    console.error(`round ${round} ${variant.label}: load average ${loadavg()[0].toFixed(1)}`);
    return idle;
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}

async function main() {
  await globalSetup();
  const results = variants.map(() => new Map(names.map((n) => [n, [] as number[]])));
  try {
    for (let round = 1; round <= ROUNDS; round++)
      for (const [i, variant] of variants.entries())
        for (const [name, rss] of Object.entries(await measure(variant, round)))
          results[i].get(name as ServiceName)!.push(rss);
  } finally {
    await globalTeardown();
  }
  for (const [i, variant] of variants.entries())
    for (const [name, rss] of results[i])
      console.log(
        `${variant.label} ${name}: idle RSS ${median(rss).toFixed(0)} MB (${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)}, ${rss.length} starts)`,
      );
}

void main().catch((error: Error) => {
  console.error(`idle RSS failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
