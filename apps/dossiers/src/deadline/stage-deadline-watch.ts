import { dossierStageDueSoon, dossierStageOverdue } from '@motcua/contracts';
import type { EventSink } from '@motcua/messaging';
import { factsOf } from '../dossier/dossier-events';
import type { DossierRepository } from '../dossier/dossier.repository';
import type { DossiersTx } from '../dossiers.database';
import { activeStageStep, stageStepsOf } from '../stages/stage-steps.rules';
import type { DeadlineRepository } from './deadline.repository';
import { DEADLINE_WATCH_POLICY, deadlineStateOf } from './deadline.rules';

/**
 * Liên thông: the deadline watch of running stages (docs/inter-agency.md, "Deadline warnings per
 * stage"). The same rule as the dossier's own warnings (deadline.rules.ts, one working day ahead),
 * judged against the stage's own legal due date: a running stage (started, not handed back, of a
 * dossier whose clock runs) is announced once as due soon and once as overdue per due date. The
 * rows are claimed with FOR UPDATE SKIP LOCKED and the announced due date is stored in the same
 * transaction as the outbox event, so several instances and restarts never announce it twice.
 */
export async function announceStageDeadlines(
  repositories: { deadlines: DeadlineRepository; dossiers: DossierRepository },
  tx: DossiersTx,
  events: EventSink,
  window: { now: Date; horizonEnd: Date; batch: number },
): Promise<{ examined: number; announced: number }> {
  const { deadlines, dossiers } = repositories;
  const { now } = window;
  const rows = await deadlines.claimStages(tx, window);
  let announced = 0;
  for (const row of rows) {
    const key = { dossierId: row.dossier_id, order: row.order, agencyCode: row.agency_code };
    const stage = await deadlines.stage(tx, key);
    const dueAt = stage.legalDueAt!;
    const state = deadlineStateOf(now, dueAt, DEADLINE_WATCH_POLICY);
    const unit = activeStageStep(stageStepsOf(stage))?.unitCode;
    const clock = {
      ...factsOf(stage.dossier, now),
      stage: {
        order: stage.order,
        agencyCode: stage.agencyCode,
        agencyName: stage.agencyName,
        external: stage.external,
      },
      stageStartedAt: stage.startedAt!.toISOString(),
      stageLegalDueDate: dueAt.toISOString(),
      ...(unit ? { responsibleUnitCode: unit } : {}),
    };
    const same = (value: Date | null) => value?.getTime() === dueAt.getTime();
    if (state.state === 'overdue' && !same(stage.overdueAnnouncedFor)) {
      events.publish(dossierStageOverdue, { ...clock, overdueSince: dueAt.toISOString() });
      await dossiers.updateStage(tx, key, {
        overdueAnnouncedFor: dueAt,
        dueSoonAnnouncedFor: dueAt,
      });
      announced += 1;
    } else if (state.state === 'due_soon' && !same(stage.dueSoonAnnouncedFor)) {
      events.publish(dossierStageDueSoon, {
        ...clock,
        workingHoursLeft: state.workingHoursLeft,
      });
      await dossiers.updateStage(tx, key, { dueSoonAnnouncedFor: dueAt });
      announced += 1;
    }
  }
  return { examined: rows.length, announced };
}
