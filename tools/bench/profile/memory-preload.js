/**
 * Preloaded into a service (NODE_OPTIONS="-r <this file>") to see what its memory holds at idle:
 * on SIGUSR2 it collects the garbage (when started with --expose-gc) and prints, on stderr, one
 * JSON line: process.memoryUsage() in MB, the V8 heap spaces, and the modules loaded per package
 * (count and source bytes), biggest first. A package loaded but not used at idle is a candidate
 * for loading on first use (docs/benchmarks.md).
 */
'use strict';
const v8 = require('node:v8');
const { statSync } = require('node:fs');

const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const usage = Object.fromEntries(
    Object.entries(process.memoryUsage()).map(([key, value]) => [key, mb(value)]),
  );
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]),
  );
  const packages = {};
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1] : file.includes('/dist/apps/') ? '(service bundle)' : '(other)';
    const entry = (packages[name] ??= { modules: 0, kB: 0 });
    entry.modules += 1;
    try {
      entry.kB += Math.round(statSync(file).size / 1024);
    } catch {
      // a module without a file (e.g. a JSON required from memory)
    }
  }
  const byPackage = Object.entries(packages)
    .sort(([, a], [, b]) => b.kB - a.kB)
    .slice(0, 40);
  process.stderr.write(`${JSON.stringify({ memory: usage, heapSpacesMB: spaces, byPackage })}\n`);
});
