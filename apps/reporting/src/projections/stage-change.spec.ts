import { dossierStageAccepted, dossierStageHandedBack, type CloudEvent } from '@motcua/contracts';
import { stageChange } from './stage-change';

const event = (type: string, data: Record<string, unknown>) =>
  ({ type, data }) as unknown as CloudEvent<Record<string, unknown>>;

describe('stageChange (một cửa liên thông)', () => {
  it('a hand-back carries the stage, its own due date, the time its agency took and whether it was on time', () => {
    const change = stageChange(
      event('motcua.dossier.stage-handed-back.v1', { ...dossierStageHandedBack.example }),
    );
    expect(change).toEqual({
      kind: 'stage',
      row: expect.objectContaining({
        stage_order: 2,
        agency_code: '000.00.12.H26',
        lead_agency_code: dossierStageHandedBack.example.agencyCode,
        status: 'handed_back',
        started_on: '2026-12-02',
        legal_due_at: '2026-12-04T17:00:00+07:00',
        handed_back_at: '2026-12-07T10:00:00+07:00',
        handed_back_on: '2026-12-07',
        working_hours_taken: 27,
        suspended_hours: 0,
        on_time: false,
      }),
    });
  });

  it('an acceptance moves the stage without judging it', () => {
    const change = stageChange(
      event('motcua.dossier.stage-accepted.v1', { ...dossierStageAccepted.example }),
    );
    expect(change).toMatchObject({
      kind: 'stage',
      row: { status: 'accepted', accepted_at: '2026-12-02T10:00:00+07:00', on_time: null },
    });
  });

  it('a supplement during processing stops the running stages; its completion restarts their clocks; intake ones do not', () => {
    const at = '2026-12-03T10:00:00+07:00';
    expect(
      stageChange(
        event('motcua.dossier.supplement-requested.v1', { stage: 'processing', occurredAt: at }),
      ),
    ).toEqual({ kind: 'supplement', at });
    expect(
      stageChange(
        event('motcua.dossier.supplement-requested.v1', { stage: 'intake', occurredAt: at }),
      ),
    ).toBeNull();
    expect(stageChange(event('motcua.dossier.resumed.v1', { occurredAt: at }))).toEqual({
      kind: 'restart',
      at,
    });
    expect(stageChange(event('motcua.dossier.processed.v1', { occurredAt: at }))).toBeNull();
  });

  it('the asking agency and the stages’ clocks after the supplement, when the events carry them (ADR 0022)', () => {
    const at = '2026-12-03T10:00:00+07:00';
    const agency = '000.00.13.H26';
    expect(
      stageChange(
        event('motcua.dossier.supplement-requested.v1', {
          stage: 'processing',
          occurredAt: at,
          askedByAgencyCode: agency,
        }),
      ),
    ).toEqual({ kind: 'supplement', at, agencyCode: agency });
    const clocks = [
      {
        order: 2,
        agencyCode: agency,
        clock: 'restarted',
        stageLegalDueDate: '2026-12-21T17:00:00+07:00',
        suspendedWorkingHours: 8,
      },
      {
        order: 2,
        agencyCode: '000.00.17.H26',
        clock: 'paused',
        stageLegalDueDate: '2026-12-15T17:00:00+07:00',
        suspendedWorkingHours: 8,
      },
    ];
    expect(
      stageChange(event('motcua.dossier.resumed.v1', { occurredAt: at, stageClocks: clocks })),
    ).toEqual({ kind: 'restart', at, clocks });
  });

  it('a calendar change moving running stages gives their new due dates; one moving none changes no stage', () => {
    const at = '2026-12-03T08:00:00+07:00';
    const stageClocks = [
      {
        order: 1,
        agencyCode: '000.00.12.H26',
        clockStartedAt: '2026-11-20T09:00:00+07:00',
        previousStageLegalDueDate: '2026-11-24T17:00:00+07:00',
        stageLegalDueDate: '2026-11-25T17:00:00+07:00',
      },
    ];
    expect(
      stageChange(event('motcua.dossier.due-date-rederived.v1', { occurredAt: at, stageClocks })),
    ).toEqual({ kind: 'moved', at, clocks: stageClocks });
    expect(
      stageChange(event('motcua.dossier.due-date-rederived.v1', { occurredAt: at })),
    ).toBeNull();
  });
});
