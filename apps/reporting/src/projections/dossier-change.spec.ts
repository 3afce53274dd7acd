import {
  buildEvent,
  dossierContactRecorded,
  dossierDueDateRederived,
  dossierEvaluated,
  dossierExtended,
  dossierFeePaid,
  dossierOverdue,
  dossierProcessed,
  dossierReceived,
  dossierResumed,
  dossierStepCompleted,
  dossierSupplementRequested,
  type CloudEvent,
  type DossierFacts,
} from '@motcua/contracts';
import { dossierChange, handlingUnitOf } from './dossier-change';

const ctx = { correlationId: 'spec' };
type Any = CloudEvent<DossierFacts & Record<string, unknown>>;
/** A contract's example as a producer without the legal due date sends it (the projection derives the date). */
const example = (contract: { example: unknown }) => {
  const { legalDueDate: _carried, ...data } = contract.example as Record<string, unknown>;
  return data as never;
};

describe('dossierChange', () => {
  it('takes documents, population data and the handling unit from a received dossier', () => {
    const { event } = buildEvent(dossierReceived, example(dossierReceived), ctx);
    const change = dossierChange(event);
    expect(change.status).toBe('processing');
    expect(change.set).toMatchObject({
      documents_total: 2,
      documents_digitized: 1,
      documents_reused: 1,
      population_data_used: false,
      unit_code: 'P.QLG',
    });
  });

  it('counts a supplement request and the paused time until the supplement arrives', () => {
    const requested = dossierChange(
      buildEvent(dossierSupplementRequested, example(dossierSupplementRequested), ctx).event,
    );
    expect(requested.increment).toEqual({
      supplement_count: 1,
      intake_supplements: 0,
      fault_supplements: 0,
    });
    const atIntake = {
      ...dossierSupplementRequested.example,
      stage: 'intake' as const,
      applicantFault: true,
    };
    expect(
      dossierChange(buildEvent(dossierSupplementRequested, atIntake, ctx).event as Any).increment,
    ).toEqual({ supplement_count: 1, intake_supplements: 1, fault_supplements: 1 });
    const resumed = dossierChange(buildEvent(dossierResumed, example(dossierResumed), ctx).event);
    expect(resumed.pausedHours).toBeCloseTo(23, 5);
  });

  it('finishes at processing and counts online payments only when paid online', () => {
    const processed = dossierChange(
      buildEvent(dossierProcessed, example(dossierProcessed), ctx).event,
    );
    expect(processed.finish).toEqual({ kind: 'processed', at: '2026-12-04T15:00:00+07:00' });
    expect(processed.set).toEqual({ electronic_result: true });
    const desk = { ...dossierFeePaid.example, method: 'desk' as const };
    expect(dossierChange(buildEvent(dossierFeePaid, desk, ctx).event as Any).increment).toEqual({
      payments_total: 1,
      payments_online: 0,
    });
  });

  it('marks the dossier overdue only for the dossier deadline, not a step deadline', () => {
    const dossierLevel = dossierChange(
      buildEvent(dossierOverdue, example(dossierOverdue), ctx).event,
    );
    expect(dossierLevel.set).toMatchObject({ overdue: true });
    const step = {
      ...(example(dossierOverdue) as typeof dossierOverdue.example),
      deadline: {
        scope: 'step' as const,
        stepOrder: 2,
        responsibleUnitCode: 'P.QLG',
        deadline: '2026-12-04T17:00:00+07:00',
      },
    };
    expect(dossierChange(buildEvent(dossierOverdue, step, ctx).event as Any).set).toEqual({});
  });

  it('follows a calendar change: the new due date and the on-time status re-derived with it', () => {
    const back = { ...dossierDueDateRederived.example, onTimeAfter: 'in_time' as const };
    const legal = { legal_due_date: dossierDueDateRederived.example.dueDate };
    expect(dossierChange(buildEvent(dossierDueDateRederived, back, ctx).event as Any).set).toEqual({
      overdue: false,
      ...legal,
    });
    expect(
      dossierChange(
        buildEvent(dossierDueDateRederived, example(dossierDueDateRederived), ctx).event,
      ).set,
    ).toEqual({ overdue: true, ...legal });
  });

  it('counts a completed step as early (a day before its due day), on time or late (after its due date)', () => {
    const step = (occurredAt: string) =>
      dossierChange(
        buildEvent(dossierStepCompleted, { ...dossierStepCompleted.example, occurredAt }, ctx)
          .event,
      ).increment;
    expect(step('2026-12-03T15:20:00+07:00')).toEqual({
      steps_completed: 1,
      steps_early: 1,
      steps_late: 0,
    });
    expect(step('2026-12-04T16:59:00+07:00')).toEqual({
      steps_completed: 1,
      steps_early: 0,
      steps_late: 0,
    });
    expect(step('2026-12-04T17:01:00+07:00')).toEqual({
      steps_completed: 1,
      steps_early: 0,
      steps_late: 1,
    });
  });

  it('keeps the legal due date from receipt and supplement restarts; an apology (extended) never moves it', () => {
    expect(
      dossierChange(buildEvent(dossierReceived, example(dossierReceived), ctx).event).set
        .legal_due_date,
    ).toBe(dossierReceived.example.dueDate);
    expect(
      dossierChange(buildEvent(dossierResumed, example(dossierResumed), ctx).event).set
        .legal_due_date,
    ).toBe(dossierResumed.example.dueDate);
    expect(
      dossierChange(buildEvent(dossierExtended, example(dossierExtended), ctx).event).set,
    ).not.toHaveProperty('legal_due_date');
  });

  it('records the applicant’s evaluation and counts contacts the law does not impose', () => {
    const evaluated = dossierChange(
      buildEvent(dossierEvaluated, example(dossierEvaluated), ctx).event,
    );
    expect(evaluated.set).toMatchObject({
      satisfaction: 'satisfied',
      officer_conduct: 'proper',
      agencies_answer: 'one_stop_desk_only',
      publication_answer: 'posted_and_electronic',
    });
    expect(
      dossierChange(buildEvent(dossierContactRecorded, example(dossierContactRecorded), ctx).event)
        .increment,
    ).toEqual({ contacts_other: 1 });
    const required = { ...dossierContactRecorded.example, legallyRequired: true };
    expect(
      dossierChange(buildEvent(dossierContactRecorded, required, ctx).event as Any).increment,
    ).toEqual({});
  });

  it('takes the legal due date an event carries (the dossiers service sends it on every event), also after an apology', () => {
    const carried = dossierExtended.example.legalDueDate;
    expect(carried).toBeDefined();
    expect(
      dossierChange(buildEvent(dossierExtended, dossierExtended.example, ctx).event).set
        .legal_due_date,
    ).toBe(carried);
    expect(
      dossierChange(buildEvent(dossierExtended, dossierExtended.example, ctx).event).set
        .legal_due_date,
    ).not.toBe(dossierExtended.example.dueDate);
  });

  it('falls back to the receiving unit when the workflow never leaves it', () => {
    expect(handlingUnitOf([{ unitCode: 'VP.MC' }], 'VP.MC')).toBe('VP.MC');
  });
});
