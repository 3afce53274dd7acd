import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@motcua/stack';
import { operatorKafkaSasl } from '../kafka/operator-identity';
import type { BenchTarget } from './dossiers/intake-kit';

export const SERVICES = ['catalog', 'dossiers', 'feedback', 'digitization', 'reporting'] as const;
export type ServicePids = Partial<Record<(typeof SERVICES)[number], number>> & { dossiers: number };

/** The stack of `npm run up`: its environment (.data/stack/stack.env) and its processes' pid files. */
export function stackTarget(): { target: BenchTarget; pids: ServicePids } {
  const stack = join(repoRoot(), '.data', 'stack');
  if (!existsSync(join(stack, 'stack.env')))
    throw new Error('the stack is not up (no .data/stack/stack.env): npm run up');
  const env = Object.fromEntries(
    readFileSync(join(stack, 'stack.env'), 'utf8')
      .split('\n')
      .map((l) => /^(?:export )?([A-Z_]+)='?([^']*)'?$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const pids = Object.fromEntries(
    SERVICES.filter((s) => existsSync(join(stack, `${s}.pid`))).map((s) => [
      s,
      Number(readFileSync(join(stack, `${s}.pid`), 'utf8')),
    ]),
  ) as ServicePids;
  if (!pids.dossiers)
    throw new Error('the stack is not up (no .data/stack/dossiers.pid): npm run up');
  return {
    target: {
      catalogUrl: 'http://127.0.0.1:3101',
      dossiersUrl: 'http://127.0.0.1:3102',
      reportingUrl: 'http://127.0.0.1:3105',
      pgServer: env.DATABASE_URL_DOSSIERS.replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
      reportingDatabaseUrl: env.DATABASE_URL_REPORTING,
      kafkaBrokers: env.STACK_KAFKA_BROKERS.split(','),
      kafkaSasl: operatorKafkaSasl(env.STACK_KAFKA_CREDENTIALS),
      issuer: env.STACK_AUTH_ISSUER,
    },
    pids,
  };
}
