import { dossierStageDueSoon, dossierStageOverdue } from '@motcua/contracts';
import type { EventSink } from '@motcua/messaging';
import { factsOf } from '../dossier/dossier-events';
import type { DossiersTx } from '../dossiers.database';
import { activeStageStep, stageStepsOf } from '../stages/stage-steps.rules';
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
  tx: DossiersTx,
  events: EventSink,
  now: Date,
  window: { horizonMs: number; batch: number },
): Promise<{ examined: number; announced: number }> {
  const rows = await tx.$queryRawUnsafe<
    { dossier_id: string; order: number; agency_code: string }[]
  >(
    `SELECT s.dossier_id, s."order", s.agency_code FROM dossier_stage s JOIN dossier d ON d.id = s.dossier_id
      WHERE d.status IN ('received', 'processing') AND s.status <> 'handed_back'
        AND s.started_at IS NOT NULL AND s.legal_due_at IS NOT NULL
        AND ((s.legal_due_at < $1 AND s.overdue_announced_for IS DISTINCT FROM s.legal_due_at)
          OR (s.legal_due_at >= $1 AND s.legal_due_at < $2 AND s.due_soon_announced_for IS DISTINCT FROM s.legal_due_at))
      ORDER BY s.legal_due_at LIMIT ${window.batch} FOR UPDATE OF s SKIP LOCKED`,
    now,
    new Date(now.getTime() + window.horizonMs),
  );
  let announced = 0;
  for (const row of rows) {
    const key = { dossierId: row.dossier_id, order: row.order, agencyCode: row.agency_code };
    const stage = await tx.dossierStage.findUniqueOrThrow({
      where: { dossierId_order_agencyCode: key },
      include: { dossier: true },
    });
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
    const where = { dossierId_order_agencyCode: key };
    if (state.state === 'overdue' && !same(stage.overdueAnnouncedFor)) {
      events.publish(dossierStageOverdue, { ...clock, overdueSince: dueAt.toISOString() });
      await tx.dossierStage.update({
        where,
        data: { overdueAnnouncedFor: dueAt, dueSoonAnnouncedFor: dueAt },
      });
      announced += 1;
    } else if (state.state === 'due_soon' && !same(stage.dueSoonAnnouncedFor)) {
      events.publish(dossierStageDueSoon, {
        ...clock,
        workingHoursLeft: state.workingHoursLeft,
      });
      await tx.dossierStage.update({ where, data: { dueSoonAnnouncedFor: dueAt } });
      announced += 1;
    }
  }
  return { examined: rows.length, announced };
}
