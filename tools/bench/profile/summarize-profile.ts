import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';

/**
 * Where a service's CPU went in a .cpuprofile (tools/bench/profile/cpu-profile-preload.js), per
 * unit of work:
 *   node -r ./tools/register-ts.js tools/bench/profile/summarize-profile.ts <file.cpuprofile> [units] [--by=leaf|owner]
 * Each sample is charged to an owner: the nearest frame on its stack, from the leaf up, that is
 * code of ours (a source file of apps/ or libs/, found through the bundle's source map) or of a
 * package in node_modules; Node's own internals (streams, sockets, timers, natives such as writev)
 * are charged to whoever called them. `--by=leaf` charges the leaf frame's own module instead.
 * Prints milliseconds per unit (e.g. per intake) and the share of the profile, biggest first,
 * and the heaviest stacks of the biggest owners.
 */
type CallFrame = {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
};
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const [file, unitsArgument] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const byLeaf = process.argv.includes('--by=leaf');
if (!file) {
  console.error('usage: summarize-profile.ts <file.cpuprofile> [units] [--by=leaf|owner]');
  process.exit(2);
}
const units = Number(unitsArgument ?? 1);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const root = path.resolve(__dirname, '..', '..', '..');

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    try {
      const js = new URL(url).pathname;
      maps.set(
        url,
        new SourceMap(JSON.parse(readFileSync(`${js}.map`, 'utf8')) as SourceMapPayload),
      );
    } catch {
      maps.set(url, null);
    }
  }
  return maps.get(url) ?? null;
}

/** The module a frame belongs to: `pkg:<name>`, `src:<file of ours>`, `node:<internal>` or a native's name. */
function moduleOf(frame: CallFrame): string {
  const { url } = frame;
  if (!url) return frame.functionName ? `native:${frame.functionName}` : '(anonymous)';
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) return `pkg:${packaged[1]}`;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:');
  if (url.includes('/dist/apps/')) {
    const entry = sourceMapOf(url)?.findEntry(frame.lineNumber, frame.columnNumber);
    const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
    if (source) {
      const original = source.startsWith('file:') ? new URL(source).pathname : source;
      const relative = path.relative(
        root,
        path.resolve(path.dirname(new URL(url).pathname), original),
      );
      return relative.includes('node_modules')
        ? moduleOf({ ...frame, url: relative })
        : `src:${relative}`;
    }
  }
  return `file:${url}`;
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const moduleOfNode = new Map<number, string>();
const moduleOfId = (id: number) => {
  let m = moduleOfNode.get(id);
  if (m === undefined) moduleOfNode.set(id, (m = moduleOf(nodes.get(id)!.callFrame)));
  return m;
};
const isOwner = (m: string) =>
  m.startsWith('pkg:') || m.startsWith('src:') || m.startsWith('file:');
const isBookkeeping = (m: string) =>
  ['native:(garbage collector)', 'native:(idle)', 'native:(program)', 'native:(root)'].includes(m);

function ownerOf(id: number): string {
  const leaf = moduleOfId(id);
  if (byLeaf || isOwner(leaf) || isBookkeeping(leaf)) return leaf;
  for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
    const m = moduleOfId(at);
    if (isOwner(m)) return m;
  }
  return leaf;
}

/**
 * Each sample weighs the same (the median interval) unless `--wall`: on a busy machine the gap
 * before a sample includes the time the thread was not running (descheduled in a syscall, say),
 * while the sampler's signals only land when it runs, so counting samples follows CPU time better.
 */
const wall = process.argv.includes('--wall');
const interval = [...profile.timeDeltas].sort((a, b) => a - b)[profile.timeDeltas.length >> 1] ?? 1;
const microseconds = new Map<number, number>();
profile.samples.forEach((id, i) =>
  microseconds.set(
    id,
    (microseconds.get(id) ?? 0) + (wall ? (profile.timeDeltas[i] ?? 0) : interval),
  ),
);
const perOwner = new Map<string, number>();
let total = 0;
for (const [id, us] of microseconds) {
  const owner = ownerOf(id);
  perOwner.set(owner, (perOwner.get(owner) ?? 0) + us);
  total += us;
}
const idle = perOwner.get('native:(idle)') ?? 0;
const busy = total - idle;
console.log(
  `${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy, ` +
    `${units} units: ${(busy / 1000 / units).toFixed(3)} ms busy per unit`,
);
console.log('ms/unit   share  owner');
for (const [owner, us] of [...perOwner].sort((a, b) => b[1] - a[1])) {
  if (owner === 'native:(idle)' || us / busy < 0.003) continue;
  console.log(
    `${(us / 1000 / units).toFixed(3).padStart(7)}  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${owner}`,
  );
}

/** `--callers=<owner>`: for that owner's samples, the nearest frames of ours (src:) calling it. */
const callersOf = process.argv.find((a) => a.startsWith('--callers='))?.slice('--callers='.length);
if (callersOf) {
  const perCaller = new Map<string, number>();
  for (const [id, us] of microseconds) {
    if (ownerOf(id) !== callersOf) continue;
    let caller = '(none of ours)';
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const m = moduleOfId(at);
      if (m.startsWith('src:')) {
        caller = `${m} ${nodes.get(at)!.callFrame.functionName || '(anonymous)'}`;
        break;
      }
    }
    perCaller.set(caller, (perCaller.get(caller) ?? 0) + us);
  }
  const own = perOwner.get(callersOf) ?? 1;
  console.log(`\ncallers of ${callersOf}:`);
  for (const [caller, us] of [...perCaller].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${((100 * us) / own).toFixed(1).padStart(5)} %  ${caller}`);
}

/**
 * `--categories[=<process CPU ms per unit>]`: the owners grouped into the parts of a request the
 * issue asks about. Scaled to the process CPU measured without the profiler when given (the
 * profile's own clock counts wall time, inflated on a busy machine; its shares are what counts).
 */
const CATEGORIES: [string, RegExp][] = [
  [
    'HTTP server (Node http, Express, router, body parsing)',
    /^(node:_http|node:streams|node:net|node:stream_base|pkg:(express|router|body-parser|raw-body|content-type|type-is|iconv-lite|etag|on-finished|finalhandler|send|qs|mime|accepts|negotiator|fresh|cookie|vary|encodeurl|statuses|http-errors|depd|media-typer|bytes|unpipe|ee-first|parseurl|proxy-addr|ipaddr\.js|@nestjs\/platform-express|fastify|@fastify\/.*|@nestjs\/platform-fastify|find-my-way|light-my-request|avvio))/,
  ],
  [
    'Nest pipeline (guards, interceptors, pipes, rxjs)',
    /^pkg:(@nestjs\/core|@nestjs\/common|rxjs|reflect-metadata|tslib)/,
  ],
  [
    'validation and contracts (zod)',
    /^pkg:zod|^src:libs\/http\/src\/zod-validation|^src:libs\/contracts/,
  ],
  ['token verification (jose, guard)', /^pkg:jose|^src:libs\/auth/],
  [
    'logging and metrics (pino, access log, prom-client)',
    /^pkg:(pino|sonic-boom|pino-std-serializers|fast-redact|quick-format-unescaped|atomic-sleep|prom-client|tdigest|bintrees)|^src:libs\/observability|^src:libs\/http\/src\/correlation/,
  ],
  ['AsyncLocalStorage / async hooks', /^node:async_hooks|^native:runMicrotasks/],
  [
    'PostgreSQL client (Prisma, adapter, pg)',
    /^pkg:(pg|pg-pool|pg-protocol|pg-types|postgres-.*|@prisma\/.*|pgpass|split2)|^file:wasm|^src:apps\/dossiers\/src\/prisma/,
  ],
  ['Kafka client (relay producer, consumers)', /^pkg:kafkajs|^src:libs\/messaging/],
  [
    'dossier domain code (intake, schedule, calendar, keys)',
    /^src:apps\/|^src:libs\/(calendar|vietnamese|config)/,
  ],
  ['garbage collector', /^native:\(garbage collector\)/],
  ['profiler itself', /cpu-profile-preload/],
];
const categoriesArgument = process.argv.find((a) => a.startsWith('--categories'));
if (categoriesArgument) {
  const cpuPerUnit = Number(categoriesArgument.split('=')[1] ?? Number.NaN);
  const perCategory = new Map<string, number>();
  for (const [owner, us] of perOwner) {
    if (owner === 'native:(idle)') continue;
    const category =
      CATEGORIES.find(([, pattern]) => pattern.test(owner))?.[0] ??
      'other (Node internals, natives, (program))';
    perCategory.set(category, (perCategory.get(category) ?? 0) + us);
  }
  console.log(
    `\nper category${Number.isNaN(cpuPerUnit) ? '' : ` (scaled to ${cpuPerUnit} ms process CPU per unit)`}:`,
  );
  for (const [category, us] of [...perCategory].sort((a, b) => b[1] - a[1])) {
    const share = us / busy;
    console.log(
      `${(Number.isNaN(cpuPerUnit) ? us / 1000 / units : share * cpuPerUnit).toFixed(2).padStart(6)} ms  ${(100 * share).toFixed(1).padStart(5)} %  ${category}`,
    );
  }
}
