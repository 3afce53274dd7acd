import { fork, type ChildProcess } from 'node:child_process';
import type { CommonServiceConfig } from '@motcua/config';
import type { Logger } from '@motcua/observability';
import { createKafka, kafkaSecurityOf } from '../kafka-client';
import { OutboxRelay } from './outbox-relay';

/** Set in the environment of a service's relay child: its main.js runs the relay alone. */
const RELAY_CHILD = 'MOTCUA_OUTBOX_RELAY_CHILD';

/** Whether this process is a service's outbox relay child (OUTBOX_RELAY=process). */
export function isOutboxRelayChild(): boolean {
  return process.env[RELAY_CHILD] === '1';
}

/**
 * OUTBOX_RELAY=process: the service's relay runs in a child process of the same build (its
 * main.js, started again with MOTCUA_OUTBOX_RELAY_CHILD=1), so publishing to Kafka does not share
 * the request path's event loop. The child leads the database as any relay does (advisory lock);
 * the service's commits reach it by NOTIFY. It is stopped with the service and restarted (after
 * a second) if it ends on its own. Its metrics (backlog, leader) are the child's own, not on the
 * service's /metrics.
 */
export function forkOutboxRelay(logger: Logger): { stop: () => Promise<void> } {
  let child: ChildProcess | undefined;
  let stopping = false;
  const start = () => {
    child = fork(process.argv[1], process.argv.slice(2), {
      env: { ...process.env, [RELAY_CHILD]: '1' },
      stdio: 'inherit',
    });
    child.once('exit', (code, signal) => {
      if (stopping) return;
      logger.warn({ code, signal }, 'outbox relay process ended; starting it again in 1 s');
      setTimeout(() => !stopping && start(), 1000).unref();
    });
  };
  start();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The relay child's whole life: the service's own database and Kafka identity, the relay, SIGTERM. */
export async function runOutboxRelayChild(
  service: string,
  config: CommonServiceConfig,
  logger: Logger,
): Promise<void> {
  const kafka = createKafka(
    `motcua-${service}-relay`,
    config.KAFKA_BROKERS,
    logger,
    kafkaSecurityOf(config),
  );
  const relay = new OutboxRelay({ databaseUrl: config.DATABASE_URL, kafka, logger });
  relay.start();
  logger.info({ pid: process.pid }, 'outbox relay process started');
  const stop = () => void relay.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The service that forked it is gone (e.g. killed): the relay goes with it.
  process.once('disconnect', stop);
}
