import { Inject, Injectable } from '@nestjs/common';
import { dossierDueSoon, dossierOverdue } from '@motcua/contracts';
import { ScheduledJob, UnitOfWork } from '@motcua/messaging';
import { LOGGER, type Logger } from '@motcua/observability';
import { DOSSIERS_CONFIG, type DossiersConfig } from '../config';
import { factsOf } from '../dossier/dossier-events';
import { DossierRepository } from '../dossier/dossier.repository';
import type { DossiersTx } from '../dossiers.database';
import { DeadlineRepository } from './deadline.repository';
import { DEADLINE_WATCH_POLICY, deadlineStateOf, governingDueDate } from './deadline.rules';
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
    private readonly deadlines: DeadlineRepository,
    private readonly dossiers: DossierRepository,
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
        announceStageDeadlines(
          { deadlines: this.deadlines, dossiers: this.dossiers },
          tx,
          events,
          this.window(now),
        ),
      );
    return (await drainBatches(() => this.tick(now))) + (await drainBatches(stages));
  }

  /** One batch: how many dossiers were examined and how many warnings announced. */
  async tick(now = new Date()): Promise<{ examined: number; announced: number }> {
    return this.uow.run(async (tx, events) => {
      const ids = await this.deadlines.claimDossiers(tx, this.window(now));
      let announced = 0;
      for (const id of ids) {
        const dossier = await this.deadlines.dossier(tx, id);
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
          await this.dossiers.update(tx, id, {
            overdueAnnouncedFor: dueAt,
            dueSoonAnnouncedFor: dueAt,
          });
          announced += 1;
        } else if (state.state === 'due_soon' && !same(dossier.dueSoonAnnouncedFor)) {
          events.publish(dossierDueSoon, {
            ...factsOf(dossier, now),
            deadline,
            workingHoursLeft: state.workingHoursLeft,
          });
          await this.dossiers.update(tx, id, { dueSoonAnnouncedFor: dueAt });
          announced += 1;
        }
      }
      return { examined: ids.length, announced };
    });
  }

  private window(now: Date) {
    return { now, horizonEnd: new Date(now.getTime() + HORIZON_MS), batch: BATCH };
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
