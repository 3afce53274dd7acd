import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

/**
 * The release this process runs: its service's version (the `version` of apps/<service>/package.json,
 * which is also its image tag and the newest heading of its changelog). Served by /health/live and
 * as the `motcua_build_info` gauge, so a dashboard shows which release each pod runs during a rollout.
 */
const buildInfo = new Gauge({
  name: 'motcua_build_info',
  help: 'Always 1; the labels name the release the process runs (version) and its Node.js (node).',
  labelNames: ['version', 'node'],
  registers: [metricsRegistry],
});

let running: string | undefined;

export function recordBuildInfo(version: string): void {
  if (running === version) return;
  buildInfo.reset();
  buildInfo.set({ version, node: process.version }, 1);
  running = version;
}

/** The version recorded at start, undefined in a process that runs no service (a test of one module). */
export function runningVersion(): string | undefined {
  return running;
}
