/**
 * Preloaded into a service (NODE_OPTIONS="-r <this file>") to profile a chosen phase only:
 * the first SIGWINCH starts the V8 CPU profiler, the next one stops it and writes
 * <CPU_PROFILE_DIR>/<service>-<pid>-<n>.cpuprofile (Chrome DevTools / speedscope format).
 * `node --cpu-prof` would profile the start-up too and writes only on a normal exit, while the
 * services end on SIGTERM. tools/bench/cpu-by-process.py sends the signals at the phase marks
 * of a benchmark when PROFILE_PIDS names the processes.
 */
'use strict';
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CPU_PROFILE_DIR || join(process.cwd(), '.data', 'profiles');
const name = (process.argv[1] || 'node').split('/').slice(-2, -1)[0] || 'node';
const session = new Session();
session.connect();
let running = false;
let count = 0;

process.on('SIGWINCH', () => {
  if (!running) {
    session.post('Profiler.enable', () =>
      session.post(
        'Profiler.setSamplingInterval',
        { interval: Number(process.env.CPU_PROFILE_INTERVAL_US || 250) },
        () => session.post('Profiler.start', () => (running = true)),
      ),
    );
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    running = false;
    if (error) return void process.stderr.write(`cpu profile: ${error.message}\n`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${process.pid}-${++count}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
    process.stderr.write(`cpu profile written to ${file}\n`);
  });
});
