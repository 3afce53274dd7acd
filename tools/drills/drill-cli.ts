import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  repoRoot,
  runDrill,
  stackFromEnv,
  type DrillReport,
  type DrillStack,
  type Fault,
} from '@motcua/stack';

/**
 * What every drill script shares: the stack's addresses from the environment (see stackFromEnv:
 * <SERVICE>_URL, DATABASE_URL + DRILL_DB_PREFIX, KAFKA_BROKERS, REDIS_URL; defaults are the
 * `npm run up` stack), the burst's shape (DRILL_COUNT, DRILL_CONCURRENCY, DRILL_DOWN_MS,
 * DRILL_SERVING_WITHIN_MS), the report, and the exit code (1 when a check failed).
 */
export const env = process.env;
export const root = repoRoot();
export const stack: DrillStack = stackFromEnv(env);
export const asPostgres = (command: string) =>
  process.getuid?.() === 0 ? `runuser -u postgres -- ${command}` : command;
export const hasCommand = (name: string) =>
  ['/usr/bin', '/usr/sbin', '/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, name)));

export async function drill(
  fault: Fault,
  defaults: { servingWithinMs?: number } = {},
): Promise<void> {
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  log(
    `stack: dossiers ${stack.services.dossiers}, databases on ${new URL(stack.postgresServer).host}, Kafka ${stack.kafkaBrokers.join(',')}`,
  );
  await finish(
    await runDrill({
      stack,
      fault,
      count: Number(env.DRILL_COUNT ?? 600),
      concurrency: Number(env.DRILL_CONCURRENCY ?? 16),
      downMs: Number(env.DRILL_DOWN_MS ?? 15_000),
      servingWithinMs: Number(env.DRILL_SERVING_WITHIN_MS ?? defaults.servingWithinMs ?? 10_000),
      log,
    }),
  );
}

export async function finish(report: DrillReport): Promise<void> {
  process.stdout.write(`${report.toString()}\n`);
  process.exitCode = report.failed.length === 0 ? 0 : 1;
}

export function main(run: () => Promise<void>): void {
  run()
    .catch((error: Error) => {
      process.stderr.write(`drill aborted: ${error.stack ?? error.message}\n0 passed, 1 failed\n`);
      process.exitCode = 1;
    })
    .finally(() => setTimeout(() => process.exit(), 500).unref());
}
