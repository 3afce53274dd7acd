import { Inject, Injectable } from '@nestjs/common';
import { dossierDueSoon, dossierOverdue } from '@motcua/contracts';
import { ScheduledJob, UnitOfWork } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { factsOf } from '../dossier/dossier-events';
import type { DossiersTx } from '../dossiers.database';
import {
  DEADLINE_WATCH_POLICY,
  GOVERNING_DUE_SQL,
  deadlineStateOf,
  governingDueDate,
} from './deadline.rules';
import { announceStageDeadlines } from './stage-deadline-watch';

const BATCH = 100;
/** Coarse pre-filter: nothing due later than this can be due soon (8 office hours ≤ 4 calendar days over a long weekend). */
const HORIZON_MS = 6 * 86_400_000;

/**
 * Theo dõi hạn xử lý: announces each dossier deadline once as due soon and once as overdue.
 * Every instance ticks; rows are claimed with FOR UPDATE SKIP LOCKED and the announced deadline
 * is stored in the same transaction as the outbox event, so several instances and restarts
 * never announce the same deadline twice. A new legal due date (supplement restart, calendar change) is a new deadline; an apology's
 * promised date is not (it is carried in the facts for the message to the applicant).
 */
@Injectable()
export class DeadlineWatchService extends ScheduledJob {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    @Inject(DOSSIERS_CONFIG) config: DossiersConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super('dossier deadline watch', { intervalMs: config.DEADLINE_WATCH_INTERVAL_MS }, logger);
  }

  protected pass(): Promise<number> {
    return this.drain();
  }

  /**
   * Ticks while whole batches are announced (a backlog after downtime drains at once), at most 20,
   * for the dossiers, then for the running stages of inter-agency dossiers (stage-deadline-watch.ts).
   * Rows come by due date: overdue first, then due soon, then those not yet due soon, so a batch
   * with a row left unannounced means nothing further is due.
   */
  async drain(now = new Date()): Promise<number> {
    const stages = () =>
      this.uow.run((tx, events) =>
        announceStageDeadlines(tx, events, now, { horizonMs: HORIZON_MS, batch: BATCH }),
      );
    return (await drainBatches(() => this.tick(now))) + (await drainBatches(stages));
  }

  /** One batch: how many dossiers were examined and how many warnings announced. */
  async tick(now = new Date()): Promise<{ examined: number; announced: number }> {
    return this.uow.run(async (tx, events) => {
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM dossier
          WHERE status IN ('received', 'processing') AND ${GOVERNING_DUE_SQL} IS NOT NULL
            AND ((${GOVERNING_DUE_SQL} < $1 AND overdue_announced_for IS DISTINCT FROM ${GOVERNING_DUE_SQL})
              OR (${GOVERNING_DUE_SQL} >= $1 AND ${GOVERNING_DUE_SQL} < $2 AND due_soon_announced_for IS DISTINCT FROM ${GOVERNING_DUE_SQL}))
          ORDER BY ${GOVERNING_DUE_SQL} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        now,
        new Date(now.getTime() + HORIZON_MS),
      );
      let announced = 0;
      for (const { id } of rows) {
        const dossier = await tx.dossier.findUniqueOrThrow({
          where: { id },
          include: { steps: true },
        });
        // Judged against the legal due date (deadline.rules.ts governingDueDate), not the promised one.
        const dueAt = governingDueDate(dossier)!;
        const state = deadlineStateOf(now, dueAt, DEADLINE_WATCH_POLICY);
        const unit =
          dossier.steps.find((s) => s.order === dossier.currentStepOrder)?.unitCode ??
          dossier.steps[0]?.unitCode ??
          'VP.MC';
        const deadline = {
          scope: 'dossier' as const,
          responsibleUnitCode: unit,
          deadline: dueAt.toISOString(),
        };
        const same = (value: Date | null) => value?.getTime() === dueAt.getTime();
        if (state.state === 'overdue' && !same(dossier.overdueAnnouncedFor)) {
          events.publish(dossierOverdue, {
            ...factsOf(dossier, now),
            deadline,
            overdueSince: dueAt.toISOString(),
          });
          await tx.dossier.update({
            where: { id },
            data: { overdueAnnouncedFor: dueAt, dueSoonAnnouncedFor: dueAt },
          });
          announced += 1;
        } else if (state.state === 'due_soon' && !same(dossier.dueSoonAnnouncedFor)) {
          events.publish(dossierDueSoon, {
            ...factsOf(dossier, now),
            deadline,
            workingHoursLeft: state.workingHoursLeft,
          });
          await tx.dossier.update({ where: { id }, data: { dueSoonAnnouncedFor: dueAt } });
          announced += 1;
        }
      }
      return { examined: rows.length, announced };
    });
  }
}

async function drainBatches(
  tick: () => Promise<{ examined: number; announced: number }>,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < 20; batch++) {
    const { examined, announced } = await tick();
    total += announced;
    if (examined < BATCH || announced < examined) break;
  }
  return total;
}
