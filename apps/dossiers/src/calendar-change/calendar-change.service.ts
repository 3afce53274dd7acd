import { Injectable } from '@nestjs/common';
import { calendarVersion, toLocalDate, type TimeLimit } from '@motcua/calendar';
import { dossierDueDateRederived } from '@motcua/contracts';
import { UnitOfWork, type EventSink } from '@motcua/messaging';
import { factsOf, publishDossierEvent } from '../dossier/dossier-events';
import { DossierRepository, type DossierWithSteps } from '../dossier/dossier.repository';
import type { DossiersTx } from '../dossiers.database';
import { RederivationRepository } from './rederivation.repository';
import { REDERIVED_STATUSES, rederive, type Rederivation } from './rederivation.rules';
import { rederiveStages, type StageRederivation } from './stage-rederivation.rules';

const BATCH = 200;

type Candidate = DossierWithSteps & { restartedAt: Date | null };
/** The dossier's re-derivation and its running stages' that moved (liên thông). */
type Decision = Rederivation & { stages: StageRederivation[] };
const DOSSIER_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };
/** Open dossiers dated with another calendar than the one in force. */
const STALE = { statuses: REDERIVED_STATUSES, calendarVersion };

export type RederivedDossier = {
  dossierId: string;
  dossierCode: string;
  status: string;
  outcome: Rederivation['outcome'];
  /** Extended dossiers: the date promised in the apology stays; only the legal due date moved. */
  promisedDateKept: boolean;
  /** The date told to the applicant after the run (the promised date when kept, else the new legal one). */
  promisedDate: string | null;
  previousDueDate: string | null;
  dueDate: string;
  printedAppointmentDate: string | null;
  onTimeBefore?: string;
  onTimeAfter?: string;
  daysOffInPeriod?: string[];
  /** Liên thông: the running stages whose due date moved (local dates). */
  stages?: Array<{ order: number; agencyCode: string; previousDueDate: string; dueDate: string }>;
};

export type RederivationReport = {
  calendarVersion: string;
  dryRun: boolean;
  examined: number;
  moved: RederivedDossier[];
  /** Among `moved`: extended dossiers whose promised date was kept (their legal due date moved). */
  promisedDateKept: RederivedDossier[];
  unchanged: number;
  /** Dossiers left as they were because re-deriving or announcing them failed (e.g. data an event may not carry). */
  failed: Array<{ dossierId: string; error: string }>;
};

/**
 * Re-derives the due dates of open dossiers computed with another calendar than the one in force
 * (rederivation.rules.ts). Batches are read and decided without locks; each dossier to move is
 * then handled in its own transaction, its row locked (FOR UPDATE SKIP LOCKED) and decided again: it gets its new due date, step due dates and calendar version,
 * an action-log entry and `dossier.due-date-rederived` (plus its portal status) through the outbox;
 * a dossier that fails is listed in `failed` and left as it was. A dry run only lists. Unchanged
 * dossiers get the new calendar version (no event).
 */
@Injectable()
export class CalendarChangeService {
  constructor(
    private readonly uow: UnitOfWork<DossiersTx>,
    private readonly dossiers: DossierRepository,
    private readonly rederivations: RederivationRepository,
  ) {}

  async rederiveAll(options: {
    dryRun: boolean;
    actorSubject: string;
    agencyCode?: string;
    now?: Date;
  }): Promise<RederivationReport> {
    const now = options.now ?? new Date();
    const report: RederivationReport = {
      calendarVersion,
      dryRun: options.dryRun,
      examined: 0,
      moved: [],
      promisedDateKept: [],
      unchanged: 0,
      failed: [],
    };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Read a batch without locks and decide; only dossiers to change are then locked, one by one.
      const batch = await this.candidates(options.agencyCode, after);
      if (batch.length === 0) break;
      after = batch[batch.length - 1].id;
      const unchanged: string[] = [];
      for (const dossier of batch) {
        const result = this.decide(dossier, now);
        report.examined += 1;
        if (result.outcome === 'unchanged') {
          report.unchanged += 1;
          unchanged.push(dossier.id);
        } else if (options.dryRun) {
          pushMoved(report, listed(dossier, result));
        } else {
          await this.applyOne(dossier.id, { ...options, now }, report);
        }
      }
      if (!options.dryRun && unchanged.length > 0) {
        await this.rederivations.stampCalendarVersion(unchanged, STALE);
      }
      if (batch.length < BATCH) break;
    }
    return report;
  }

  /** Open dossiers dated with another calendar version, with their steps and clock restart, by id (keyset pages). */
  private async candidates(agencyCode: string | undefined, after: string): Promise<Candidate[]> {
    const ids = await this.rederivations.staleIds(STALE, after, agencyCode, BATCH);
    const [dossiers, restartOf] = await Promise.all([
      this.rederivations.withStepsAndStages(ids),
      this.rederivations.clockRestarts(ids),
    ]);
    return dossiers.map((d) => ({ ...d, restartedAt: restartOf.get(d.id) ?? null }));
  }

  private decide(dossier: Candidate, now: Date): Decision {
    const limit = dossier.timeLimit as TimeLimit;
    const stages = rederiveStages(dossier.stages ?? [], limit);
    return {
      ...rederive({ ...dossier, timeLimit: limit }, now, stages.length > 0),
      stages,
    };
  }

  /** One dossier in its own transaction, its row locked and read again (skipped when another transaction holds it). */
  private async applyOne(
    id: string,
    options: { actorSubject: string; now: Date },
    report: RederivationReport,
  ): Promise<void> {
    try {
      await this.uow.run(async (tx, events) => {
        if (!(await this.rederivations.lockIfStale(tx, id, STALE))) return;
        const dossier = (await this.dossiers.findWithSteps(tx, { id }))!;
        const restartedAt = await this.rederivations.lastClockRestart(tx, id);
        const result = this.decide({ ...dossier, restartedAt }, options.now);
        if (result.outcome !== 'moved') return;
        await this.apply(tx, events, dossier, result, options);
        pushMoved(report, listed(dossier, result));
      }, DOSSIER_TRANSACTION);
    } catch (error) {
      // One dossier that cannot be re-derived (or announced) stays as it was; the run goes on.
      report.failed.push({
        dossierId: id,
        error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      });
    }
  }

  private async apply(
    tx: DossiersTx,
    events: EventSink,
    dossier: DossierWithSteps,
    result: Extract<Decision, { outcome: 'moved' }>,
    options: { actorSubject: string; now: Date },
  ): Promise<void> {
    const { schedule } = result;
    for (const step of dossier.steps.filter((s) => s.status !== 'completed')) {
      const dueAt = schedule.steps.find((s) => s.order === step.order)?.dueAt ?? schedule.dueAt;
      await this.dossiers.updateStep(tx, step, { dueAt });
    }
    for (const stage of result.stages) {
      await this.dossiers.updateStage(
        tx,
        { dossierId: dossier.id, order: stage.order, agencyCode: stage.agencyCode },
        { legalDueAt: stage.dueAt, steps: stage.steps },
      );
    }
    const stageClocks = result.stages.map((s) => ({
      order: s.order,
      agencyCode: s.agencyCode,
      clockStartedAt: s.clockStartedAt.toISOString(),
      previousStageLegalDueDate: s.previousDueAt.toISOString(),
      stageLegalDueDate: s.dueAt.toISOString(),
    }));
    const updated = await this.dossiers.update(tx, dossier.id, {
      // An extended dossier keeps the date promised in the apology; only its legal due date moves.
      ...(result.promisedDateKept ? {} : { dueAt: schedule.dueAt }),
      legalDueAt: schedule.dueAt,
      calendarVersion: schedule.calendarVersion,
      revision: { increment: 1 },
    });
    const previousDueDate = (dossier.legalDueAt ?? dossier.dueAt ?? schedule.dueAt).toISOString();
    const eventId = publishDossierEvent(
      events,
      dossierDueDateRederived,
      {
        ...factsOf(updated, options.now),
        // The facts' dueDate is the date told to the applicant (the promised one when kept);
        // legalDueDate (from the facts) is the re-derived date that governs on time.
        dueDate: (updated.dueAt ?? schedule.dueAt).toISOString(),
        previousDueDate,
        ...(dossier.originalDueAt
          ? { printedAppointmentDate: dossier.originalDueAt.toISOString() }
          : {}),
        clockStartedAt: result.clockStartedAt.toISOString(),
        calendarVersion: schedule.calendarVersion,
        previousCalendarVersion: dossier.calendarVersion,
        daysOffInPeriod: result.daysOffInPeriod,
        onTimeBefore: result.onTimeBefore,
        onTimeAfter: result.onTimeAfter,
        ...(stageClocks.length > 0 ? { stageClocks } : {}),
      },
      updated,
    );
    await this.dossiers.appendLog(tx, {
      dossierId: dossier.id,
      action: 'rederive-due-date',
      fromStatus: dossier.status,
      toStatus: updated.status,
      portalStatus: updated.portalStatus,
      actorSubject: options.actorSubject,
      actorRoles: ['admin'],
      actorUnit: null,
      eventId,
      occurredAt: options.now,
      details: {
        previousDueAt: previousDueDate,
        newDueAt: schedule.dueAt.toISOString(),
        promisedDateKept: result.promisedDateKept,
        previousCalendarVersion: dossier.calendarVersion,
        calendarVersion: schedule.calendarVersion,
        daysOffInPeriod: result.daysOffInPeriod,
        onTimeBefore: result.onTimeBefore,
        onTimeAfter: result.onTimeAfter,
        ...(stageClocks.length > 0 ? { stageClocks } : {}),
      },
    });
  }
}

function pushMoved(report: RederivationReport, entry: RederivedDossier): void {
  report.moved.push(entry);
  if (entry.promisedDateKept) report.promisedDateKept.push(entry);
}

function listed(dossier: DossierWithSteps, result: Decision): RederivedDossier {
  return {
    dossierId: dossier.id,
    dossierCode: dossier.code,
    status: dossier.status,
    outcome: result.outcome,
    promisedDateKept: result.outcome === 'moved' && result.promisedDateKept,
    promisedDate:
      result.outcome === 'moved' && result.promisedDateKept && dossier.dueAt
        ? toLocalDate(dossier.dueAt)
        : result.schedule.appointmentDate,
    previousDueDate:
      (dossier.legalDueAt ?? dossier.dueAt)
        ? toLocalDate((dossier.legalDueAt ?? dossier.dueAt)!)
        : null,
    dueDate: result.schedule.appointmentDate,
    printedAppointmentDate: dossier.originalDueAt ? toLocalDate(dossier.originalDueAt) : null,
    ...(result.outcome === 'moved'
      ? {
          onTimeBefore: result.onTimeBefore,
          onTimeAfter: result.onTimeAfter,
          daysOffInPeriod: result.daysOffInPeriod,
        }
      : {}),
    ...(result.stages.length > 0
      ? {
          stages: result.stages.map((s) => ({
            order: s.order,
            agencyCode: s.agencyCode,
            previousDueDate: toLocalDate(s.previousDueAt),
            dueDate: toLocalDate(s.dueAt),
          })),
        }
      : {}),
  };
}
