import type { Principal } from '@motcua/auth';
import type { TimeLimit } from '@motcua/calendar';
import type { InterAgencyChain } from '@motcua/contracts';
import { actionRefusal, allowedActionsOf, type ActionDossier } from '../lifecycle/action-rules';
import {
  currentOrderOf,
  initialStages,
  stageOutcome,
  stageClockDueAt,
  stagesAfterSupplement,
  stagesStartingAfter,
  type StageState,
} from './stage.rules';

const vn = (local: string) => new Date(`${local}+07:00`);
const LIMIT: TimeLimit = { value: 5, unit: 'working_days' };
const LEAD = '000.00.15.H26'; // Sở Tài chính, resolving agency
const A = '000.00.12.H26'; // Sở Kế hoạch và Đầu tư
const B = '000.00.16.H26'; // Sở Xây dựng
const C = '000.00.17.H26';
const MINISTRY = 'G01.00.00.00';

const stage = (order: number, agencyCode: string, share: number, external = false) => ({
  order,
  agencyCode,
  agencyName: `Cơ quan ${agencyCode}`,
  external,
  share,
  handsOn: [],
});
const sequential: InterAgencyChain = {
  direction: 'horizontal',
  stages: [stage(1, A, 2), stage(2, B, 3)],
};
const parallel: InterAgencyChain = {
  direction: 'horizontal',
  stages: [stage(1, A, 1), stage(2, B, 3), stage(2, C, 3), stage(3, LEAD, 1)],
};

function handBack(stages: StageState[], agencyCode: string, at: Date): StageState[] {
  const done = stages.find((s) => s.agencyCode === agencyCode)!;
  const marked = stages.map((s) => (s === done ? { ...s, status: 'handed_back' } : s));
  const starting = stagesStartingAfter(marked, done, at, LIMIT);
  return marked.map((s) => {
    const next = starting.find((n) => n.agencyCode === s.agencyCode && n.order === s.order);
    return next ? { ...s, startedAt: next.startedAt, legalDueAt: next.legalDueAt } : s;
  });
}

describe('stage clocks (một cửa liên thông): each stage due at its share from its start, libs/calendar', () => {
  it('sequential: the first order starts at receipt, the second when the first handed back, across a weekend and Culture Day 24/11/2026', () => {
    let stages: StageState[] = initialStages(sequential, vn('2026-11-19T09:00:00'), LIMIT);
    expect(stages.map((s) => [s.agencyCode, s.status, s.legalDueAt])).toEqual([
      [A, 'waiting', vn('2026-11-23T17:00:00')], // Thu 19 + 2 working days: Fri 20, Mon 23
      [B, 'waiting', null],
    ]);
    expect(currentOrderOf(stages)).toBe(1);
    stages = handBack(stages, A, vn('2026-11-20T16:00:00'));
    // Fri 20 16:00 + 3 working days: Mon 23, (Tue 24 Culture Day off), Wed 25, Thu 26.
    expect(stages[1]).toMatchObject({
      startedAt: vn('2026-11-20T16:00:00'),
      legalDueAt: vn('2026-11-26T17:00:00'),
    });
    expect(currentOrderOf(stages)).toBe(2);
  });

  it('a hand-back after office hours starts the next stage from the next working day (receipt rules)', () => {
    let stages: StageState[] = initialStages(sequential, vn('2026-11-19T09:00:00'), LIMIT);
    stages = handBack(stages, A, vn('2026-11-20T17:30:00')); // Friday after 17:00: counts from Mon 23
    expect(stages[1].legalDueAt).toEqual(vn('2026-11-27T17:00:00')); // Wed 25, Thu 26, Fri 27
  });

  it('parallel: the stages of one order start together and the next order waits for all of them', () => {
    let stages: StageState[] = initialStages(parallel, vn('2026-12-30T10:00:00'), LIMIT);
    expect(stages.filter((s) => s.startedAt).map((s) => s.agencyCode)).toEqual([A]);
    expect(stages[0].legalDueAt).toEqual(vn('2026-12-31T17:00:00'));
    stages = handBack(stages, A, vn('2026-12-31T09:00:00'));
    const [b, c] = [stages[1], stages[2]];
    // Thu 31/12 + 3 working days: (Fri 1/1/2027 New Year off, weekend) Mon 4, Tue 5, Wed 6.
    expect([b.legalDueAt, c.legalDueAt]).toEqual([
      vn('2027-01-06T17:00:00'),
      vn('2027-01-06T17:00:00'),
    ]);
    expect(b.startedAt).toEqual(c.startedAt);
    stages = handBack(stages, B, vn('2027-01-04T10:00:00'));
    expect(stages[3].startedAt).toBeNull(); // C still runs
    stages = handBack(stages, C, vn('2027-01-05T10:00:00'));
    expect(stages[3]).toMatchObject({
      startedAt: vn('2027-01-05T10:00:00'),
      legalDueAt: vn('2027-01-06T17:00:00'),
    });
  });

  it('the time a stage took: office hours from start to hand-back less the supplement wait; late after its own due date', () => {
    const b: StageState = {
      order: 2,
      agencyCode: B,
      external: false,
      share: 3,
      status: 'accepted',
      startedAt: vn('2026-11-20T16:00:00'),
      legalDueAt: vn('2026-11-26T17:00:00'),
      suspendedHours: 0,
    };
    // Fri 1 h, Mon 8, (Tue off), Wed 8, Thu 8, Fri 07:00-09:00 2.
    expect(stageOutcome(b, vn('2026-11-27T09:00:00'))).toEqual({
      workingHoursTaken: 27,
      suspendedWorkingHours: 0,
      onTime: false,
    });
    expect(stageOutcome(b, vn('2026-11-26T17:00:00')).onTime).toBe(true);
    // Supplement requested Mon 23 10:00, complete Wed 25 10:00: 8 office hours waited; the share restarts.
    const [restarted] = stagesAfterSupplement(
      [b],
      vn('2026-11-23T10:00:00'),
      vn('2026-11-25T10:00:00'),
      LIMIT,
    );
    expect(restarted).toMatchObject({
      suspendedHours: 8,
      legalDueAt: vn('2026-11-30T17:00:00'), // Thu 26, Fri 27, Mon 30
    });
    expect(stageOutcome({ ...b, ...restarted }, vn('2026-11-27T09:00:00')).workingHoursTaken).toBe(
      19,
    );
  });
});

describe('a complete supplement in a parallel order (ADR 0022): the asking stage restarts, the other pauses', () => {
  // B and C started Thu 31/12/2026 09:00 (share 3: due Wed 6/1/2027 17:00). B asks Mon 4/1 10:00;
  // the supplement is complete Tue 5/1 10:00: 8 office hours waited.
  const running = (agencyCode: string, asked: boolean): StageState => ({
    order: 2,
    agencyCode,
    external: false,
    share: 3,
    status: 'accepted',
    startedAt: vn('2026-12-31T09:00:00'),
    legalDueAt: vn('2027-01-06T17:00:00'),
    suspendedHours: 0,
    supplementRequestedAt: asked ? vn('2027-01-04T10:00:00') : null,
  });
  const asked = vn('2027-01-04T10:00:00');
  const complete = vn('2027-01-05T10:00:00');

  it('the agency that asked gets its share again from completion; the parallel agency keeps its share, moved by the wait', () => {
    const [b, c] = stagesAfterSupplement(
      [running(B, true), running(C, false)],
      asked,
      complete,
      LIMIT,
    );
    expect(b).toMatchObject({
      agencyCode: B,
      clock: 'restarted',
      suspendedHours: 8,
      legalDueAt: vn('2027-01-08T17:00:00'), // Wed 6, Thu 7, Fri 8
      supplementRequestedAt: null,
    });
    expect(c).toMatchObject({
      agencyCode: C,
      clock: 'paused',
      suspendedHours: 8,
      legalDueAt: vn('2027-01-07T17:00:00'), // Wed 6 17:00 + 8 office hours
    });
    // C hands back Thu 7/1 16:00: Thu 31/12 6 h, (Fri 1/1 off), Mon 8, Tue 8, Wed 8, Thu 7 = 37
    // elapsed, 29 taken; late against its first date, on time against the moved one.
    const outcome = stageOutcome({ ...running(C, false), ...c }, vn('2027-01-07T16:00:00'));
    expect(outcome).toEqual({ workingHoursTaken: 29, suspendedWorkingHours: 8, onTime: true });
  });

  it('keeps what a calendar change needs: the restarted clock starts at completion, the paused one keeps its start and records the wait', () => {
    const start = vn('2026-12-31T09:00:00');
    const [b, c] = stagesAfterSupplement(
      [
        { ...running(B, true), clockStartedAt: start },
        { ...running(C, false), clockStartedAt: start },
      ],
      asked,
      complete,
      LIMIT,
    );
    expect(b).toMatchObject({ clockStartedAt: complete, clockPauses: [] });
    expect(c).toMatchObject({
      clockStartedAt: start,
      clockPauses: [{ from: asked.toISOString(), to: complete.toISOString() }],
      legalDueAt: vn('2027-01-07T17:00:00'), // from the clock: the same date as moving the old one
    });
    expect(stageClockDueAt(start, c.clockPauses, 3, LIMIT)).toEqual(c.legalDueAt);
  });

  it('asked by the lead side holding no running stage: the whole dossier restarts, every running stage with it', () => {
    const clocks = stagesAfterSupplement(
      [running(B, false), running(C, false)],
      asked,
      complete,
      LIMIT,
    );
    expect(clocks.map((x) => [x.agencyCode, x.clock, x.legalDueAt])).toEqual([
      [B, 'restarted', vn('2027-01-08T17:00:00')],
      [C, 'restarted', vn('2027-01-08T17:00:00')],
    ]);
  });

  it('a stage handed back or not started keeps its clock', () => {
    const done = { ...running(A, false), order: 1, status: 'handed_back' };
    const later = { ...running(LEAD, false), order: 3, status: 'waiting', startedAt: null };
    expect(
      stagesAfterSupplement([done, running(B, true), later], asked, complete, LIMIT).map(
        (x) => x.agencyCode,
      ),
    ).toEqual([B]);
  });
});

describe('allowed actions per stage (action-rules.ts reads stage-authority.rules.ts)', () => {
  const officer = (agency: string, role: Principal['roles'][number] = 'specialist'): Principal => ({
    subject: `${role}-${agency}`,
    roles: [role],
    agency,
    unit: 'P.X',
  });
  const leadDesk = officer(LEAD, 'desk_officer');
  const now = vn('2026-11-19T10:00:00');
  function dossier(stages: Partial<StageState>[], status = 'processing'): ActionDossier {
    return {
      status,
      receivedAt: vn('2026-11-19T09:00:00'),
      dueAt: vn('2026-11-26T17:00:00'),
      extensionCount: 0,
      createdBy: 'desk',
      currentStepOrder: 1,
      steps: [{ order: 1, status: 'active', unitCode: 'VP.MC' }],
      agencyCode: LEAD,
      stages: stages.map((s) => ({
        order: 1,
        agencyCode: A,
        external: false,
        share: 2,
        status: 'waiting',
        startedAt: vn('2026-11-19T09:00:00'),
        legalDueAt: vn('2026-11-23T17:00:00'),
        suspendedHours: 0,
        ...s,
      })),
    };
  }
  const stageActions = (d: ActionDossier, p: Principal) =>
    allowedActionsOf(d, p, now).filter((a) =>
      ['transfer', 'accept-stage', 'hand-back', 'mark-processed', 'assign'].includes(a),
    );

  it('at receipt only the receiving desk transfers, to the first order', () => {
    const d = dossier(
      [{}, { order: 2, agencyCode: B, startedAt: null, legalDueAt: null }],
      'received',
    );
    expect(stageActions(d, leadDesk)).toEqual(['assign', 'transfer']);
    expect(actionRefusal('transfer', d, officer(A), now)).toMatchObject({
      httpStatus: 409,
      type: 'stage-not-held',
      errors: [expect.objectContaining({ rule: 'previous-stage-sends-on' })],
    });
  });

  it('the agency sent a stage accepts it, then hands it back; nobody else may', () => {
    const sent = dossier([{ status: 'transferred' }, { order: 2, agencyCode: B, startedAt: null }]);
    expect(stageActions(sent, officer(A))).toEqual(['accept-stage']);
    expect(actionRefusal('accept-stage', sent, leadDesk, now)).toMatchObject({
      httpStatus: 409,
      type: 'stage-not-held',
      errors: [expect.objectContaining({ field: 'agencyCode', rule: 'stage-holder-only' })],
    });
    const held = dossier([{ status: 'accepted' }, { order: 2, agencyCode: B, startedAt: null }]);
    expect(stageActions(held, officer(A))).toEqual(['hand-back']);
    expect(allowedActionsOf(held, officer(A), now)).toContain('request-supplement');
    expect(actionRefusal('hand-back', held, officer(B), now)).toMatchObject({
      httpStatus: 409,
      type: 'stage-not-held',
      errors: [expect.objectContaining({ field: 'agencyCode', rule: 'stage-holder-only' })],
    });
    // A participant does nothing of the lead agency's own work.
    expect(actionRefusal('assign', held, officer(A), now)).toMatchObject({
      httpStatus: 403,
      type: 'stage-scope',
    });
    expect(actionRefusal('mark-processed', held, officer(LEAD, 'leader'), now)).toMatchObject({
      httpStatus: 409,
      detail: expect.stringContaining('stages-handed-back'),
    });
  });

  it('after the hand-back the previous agency or the desk transfers to the next order; an external answer is entered by the lead agency', () => {
    const next = dossier([
      { status: 'handed_back' },
      { order: 2, agencyCode: MINISTRY, external: true, status: 'waiting' },
    ]);
    expect(stageActions(next, officer(A))).toEqual(['transfer']);
    expect(stageActions(next, leadDesk)).toEqual(['assign', 'transfer']);
    const atMinistry = dossier([
      { status: 'handed_back' },
      { order: 2, agencyCode: MINISTRY, external: true, status: 'transferred' },
    ]);
    expect(stageActions(atMinistry, leadDesk)).toEqual(['assign', 'accept-stage', 'hand-back']);
    expect(stageActions(atMinistry, officer(A))).toEqual([]);
    const done = dossier([
      { status: 'handed_back' },
      { order: 2, agencyCode: MINISTRY, external: true, status: 'handed_back' },
    ]);
    expect(stageActions(done, officer(LEAD, 'leader'))).toEqual(['assign', 'mark-processed']);
  });
});
