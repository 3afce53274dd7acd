import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { KafkaSasl } from '../kafka-credentials';
import { intakeBurst, publishDrillProcedure } from './intakes';
import { DrillReport } from './report';
import type { DrillStack } from './stack';

export const PORTAL_TOPIC = 'portal.dossier-status.v1';

/** A consumer as the portal runs one: signed in as the portal, a group of its own, counting statuses by dossier. */
export async function startPortalConsumer(
  brokers: string[],
  portal: KafkaSasl,
  procedureCode: string,
) {
  const seen = {
    codes: new Map<string, number>(),
    lastAt: 0,
    /** KafkaJS crashes of the consumer, and whether the client restarted it by itself. */
    crashes: [] as { error: string; restart: boolean }[],
    get distinct() {
      return this.codes.size;
    },
  };
  const consumer = new Kafka({
    clientId: 'portal-drill',
    brokers,
    sasl: portal,
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 3000 },
  }).consumer({ groupId: `portal-drill-${randomUUID()}`, sessionTimeout: 10_000 });
  consumer.on(consumer.events.CRASH, ({ payload }) =>
    seen.crashes.push({
      error: `${payload.error.name}: ${payload.error.message}`,
      restart: payload.restart,
    }),
  );
  await consumer.connect();
  await consumer.subscribe({ topic: PORTAL_TOPIC, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const status = JSON.parse(message.value?.toString() ?? '{}') as {
        dossierCode?: string;
        procedureCode?: string;
      };
      if (status.procedureCode !== procedureCode || !status.dossierCode) return;
      seen.codes.set(status.dossierCode, (seen.codes.get(status.dossierCode) ?? 0) + 1);
      seen.lastAt = Date.now();
    },
  });
  return { seen, stop: () => consumer.disconnect() };
}

async function committedCount(url: string, procedureCode: string): Promise<number> {
  const db = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  db.on('error', () => undefined);
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM dossier WHERE procedure_code = $1',
      [procedureCode],
    );
    return Number(rows[0].n);
  } finally {
    await db.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The leader of the portal topic's partition 0 is killed (by `killLeader`, given its node id)
 * while intakes go on: a portal consumer started before must go on receiving the status of every
 * dossier committed, before and after the kill, without being restarted. `restore` brings the node back.
 */
export async function runPortalLeaderDrill(options: {
  stack: DrillStack;
  portal: KafkaSasl;
  leaderOf: () => Promise<number>;
  killLeader: (node: number) => Promise<void>;
  restore: (node: number) => Promise<void>;
  count?: number;
  settleMs?: number;
  log?: (line: string) => void;
}): Promise<DrillReport> {
  const { stack } = options;
  const log = options.log ?? (() => undefined);
  const count = options.count ?? 60;
  const settleMs = options.settleMs ?? 60_000;
  const report = new DrillReport(
    'leader of the portal topic killed (SIGKILL) under a portal consumer',
  );
  const procedure = await publishDrillProcedure(stack);
  const portal = await startPortalConsumer(stack.kafkaBrokers, options.portal, procedure.code);
  const caughtUp = async () => {
    const deadline = Date.now() + settleMs;
    for (;;) {
      const committed = await committedCount(stack.databases.dossiers, procedure.code);
      if (portal.seen.distinct >= committed || Date.now() > deadline) return committed;
      await sleep(500);
    }
  };
  try {
    const first = await intakeBurst(stack, procedure, { count: count / 2, concurrency: 8 });
    const before = await caughtUp();
    report.check(
      'before the kill: the portal consumer has the status of every committed dossier',
      portal.seen.distinct === before && first.created.length === before,
      `${portal.seen.distinct} seen, ${before} committed, ${first.created.length} answered 201`,
    );
    const leader = await options.leaderOf();
    log(`killing node ${leader}, leader of ${PORTAL_TOPIC} partition 0`);
    await options.killLeader(leader);
    const killedAt = Date.now();
    const second = await intakeBurst(stack, procedure, {
      count: count / 2,
      concurrency: 8,
      retryForMs: 60_000,
    });
    const after = await caughtUp();
    const newLeader = await options.leaderOf().catch(() => -1);
    report.note(
      `node ${leader} killed; partition 0 now led by node ${newLeader}; last status received ${portal.seen.lastAt - killedAt} ms after the kill`,
    );
    report.check(
      'a new leader took partition 0',
      newLeader !== leader && newLeader > 0,
      `node ${newLeader}`,
    );
    report.check(
      'after the kill: the same portal consumer received the status of every dossier committed',
      portal.seen.distinct === after && after === first.created.length + second.created.length,
      `${portal.seen.distinct} seen, ${after} committed, ${first.created.length + second.created.length} answered 201`,
    );
    report.check(
      'every intake after the kill was answered 201 (none gave up)',
      second.gaveUp === 0 && second.created.length === count / 2,
      `${second.created.length} created, ${second.gaveUp} gave up`,
    );
    const crashes = portal.seen.crashes;
    report.note(
      `consumer crashes: ${crashes.map((c) => `${c.error} (restarted by the client: ${c.restart})`).join('; ') || 'none'}`,
    );
    report.check(
      'the portal consumer was never left stopped (a crash, if any, restarted by the client itself)',
      crashes.every((c) => c.restart),
      `${crashes.length} crashes`,
    );
    const redelivered = [...portal.seen.codes.values()].filter((n) => n > 1).length;
    report.note(
      `${redelivered} statuses delivered more than once (the portal keys them by dossier code)`,
    );
    log(`restoring node ${leader}`);
    await options.restore(leader);
  } finally {
    await portal.stop();
  }
  return report;
}
