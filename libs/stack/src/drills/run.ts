import { SERVICES } from '@motcua/contracts';
import type { Fault } from './faults';
import { intakeBurst, newOutcome, publishDrillProcedure } from './intakes';
import { DrillReport } from './report';
import type { DrillStack } from './stack';
import { serviceStates, topicEnds, untilAllReady, verifyDelivery } from './verify';

export type DrillOptions = {
  stack: DrillStack;
  fault: Fault;
  /** Intakes in the burst (default 300) and how many in flight (default 16). */
  count?: number;
  concurrency?: number;
  /** The fault is injected once this many intakes were answered 201 (default a third of the burst). */
  injectAfter?: number;
  /** How long the fault lasts before the part is restored (default 15 s). */
  downMs?: number;
  /** Every service ready and an intake answered 201 within this of the restore (default 10 s). */
  servingWithinMs?: number;
  log?: (line: string) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One drill: a burst of real intakes over HTTP, the fault injected mid-burst and restored after
 * `downMs`, then the stack's recovery and the delivery invariants verified (see verifyDelivery).
 */
export async function runDrill(options: DrillOptions): Promise<DrillReport> {
  const { stack, fault } = options;
  const log = options.log ?? (() => undefined);
  const count = options.count ?? 300;
  const downMs = options.downMs ?? 15_000;
  const servingWithinMs = options.servingWithinMs ?? 10_000;
  const report = new DrillReport(fault.name);

  const before = await serviceStates(stack);
  const notReady = SERVICES.filter((s) => !before[s].ready);
  if (
    !report.check(
      'every service ready before the drill',
      notReady.length === 0,
      notReady.join(', ') || undefined,
    )
  )
    return report;
  const procedure = await publishDrillProcedure(stack);
  const from = await topicEnds(stack.kafkaBrokers, stack.kafkaSasl);
  log(`procedure ${procedure.code}; burst of ${count} intakes`);

  const outcome = newOutcome();
  const started = Date.now();
  const burst = intakeBurst(stack, procedure, {
    count,
    concurrency: options.concurrency ?? 16,
    outcome,
  });
  const injectAfter = options.injectAfter ?? Math.floor(count / 3);
  while (outcome.created.length < injectAfter && Date.now() - started < 120_000) await sleep(50);

  log(`injecting: ${fault.name}`);
  await fault.inject();
  const during = { liveFailures: 0, readySeenDown: false, probes: 0 };
  const downUntil = Date.now() + downMs;
  while (Date.now() < downUntil) {
    const states = await serviceStates(stack);
    during.probes += 1;
    for (const s of SERVICES)
      if (!fault.victims?.includes(s) && !states[s].live) during.liveFailures += 1;
    if (!states.dossiers.ready) during.readySeenDown = true;
    await sleep(Math.max(0, Math.min(500, downUntil - Date.now())));
  }
  log('restoring');
  await fault.restore();
  const restoredAt = Date.now();
  const readyAfter = await untilAllReady(stack, 60_000);
  const probe = await intakeBurst(stack, procedure, {
    count: 1,
    concurrency: 1,
    retryForMs: 60_000,
    outcome,
  });
  const servingAfter = Date.now() - restoredAt;
  report.note(
    `fault lasted ${downMs} ms; all services ready ${readyAfter ?? 'never'} ms and an intake answered 201 ${servingAfter} ms after the restore`,
  );
  report.check(
    `every service ready and serving within ${servingWithinMs / 1000} s of the restore`,
    readyAfter !== undefined && probe.gaveUp === 0 && servingAfter <= servingWithinMs,
    `${servingAfter} ms`,
  );

  await burst;
  const elapsedS = (Date.now() - started) / 1000;
  const after = await serviceStates(stack);
  const restarted = SERVICES.filter(
    (s) =>
      !fault.victims?.includes(s) &&
      (after[s].uptimeSeconds ?? 0) < (before[s].uptimeSeconds ?? 0) + elapsedS - 5,
  );
  report.check(
    'no service restarted (uptime continued through the drill)',
    restarted.length === 0,
    restarted.join(', ') || undefined,
  );
  report.check(
    'liveness stayed up throughout (every probe while the fault lasted)',
    during.liveFailures === 0,
    `${during.liveFailures} failed of ${during.probes} probes`,
  );
  const answers = Object.fromEntries(outcome.answers);
  report.note(`answers: ${JSON.stringify(answers)}`);
  const errors500 = [...outcome.answers]
    .filter(([status]) => status.startsWith('5') && status !== '503')
    .reduce((n, [, c]) => n + c, 0);
  report.check('no 500-class answer other than 503', errors500 === 0, `${errors500}`);
  if (fault.databaseDown) {
    const unavailable = outcome.answers.get('503') ?? 0;
    report.check(
      'while the database was down: 503 problem+json with Retry-After',
      unavailable > 0 && outcome.wellFormed503 === unavailable,
      `${outcome.wellFormed503} well-formed of ${unavailable}`,
    );
    report.check('while the database was down: readiness reported not ready', during.readySeenDown);
  }
  report.check(
    'every intake ended answered (none gave up)',
    outcome.gaveUp === 0,
    `${outcome.gaveUp} gave up`,
  );
  await verifyDelivery(stack, procedure, outcome, from, report);
  return report;
}
