import type { Principal } from '@motcua/auth';
import type { TimeLimit } from '@motcua/calendar';
import { actionRefusal, allowedActionsOf, type ActionDossier } from '../lifecycle/action-rules';
import { initialStages, stagesAfterSupplement, type StageState } from './stage.rules';
import {
  acceptStageSteps,
  completeStageStep,
  DEFAULT_STAGE_STEP,
  stageStepsOf,
  type StageStep,
} from './stage-steps.rules';

const vn = (local: string) => new Date(`${local}+07:00`);
const LIMIT: TimeLimit = { value: 6, unit: 'working_days' };
const LEAD = '000.00.15.H26';
const A = '000.00.13.H26'; // Sở Nông nghiệp và Môi trường: its own two steps
const B = '000.00.17.H26'; // Sở Xây dựng: no steps published
const TAX = '000.26.00.G12'; // external

const chain = {
  direction: 'horizontal' as const,
  stages: [
    {
      order: 1,
      agencyCode: A,
      agencyName: 'Sở Nông nghiệp và Môi trường',
      external: false,
      share: 3,
      handsOn: [],
      workflow: [
        { order: 1, name: 'Thẩm định', unitCode: 'P.DD', unitName: 'Phòng Đất đai', share: 2.5 },
        { order: 2, name: 'Ký', unitCode: 'BGD', unitName: 'Ban Giám đốc', share: 0.5 },
      ],
    },
    { order: 1, agencyCode: B, agencyName: 'Sở Xây dựng', external: false, share: 2, handsOn: [] },
    { order: 2, agencyCode: TAX, agencyName: 'Thuế tỉnh', external: true, share: 2, handsOn: [] },
    {
      order: 3,
      agencyCode: LEAD,
      agencyName: 'Sở Tài chính',
      external: false,
      share: 1,
      handsOn: [],
    },
  ],
};

describe('a stage runs its agency’s own internal steps (stage-steps.rules.ts, ADR 0030)', () => {
  const received = vn('2026-11-19T09:00:00'); // Thu
  const stages = initialStages(chain, received, LIMIT);
  const byAgency = (code: string) => stages.find((s) => s.agencyCode === code)!;

  it('copies the chain’s steps, one unit-less step when none were published, none for an external stage; dated within the stage when it starts', () => {
    expect(stageStepsOf(byAgency(A)).map((s) => [s.name, s.unitCode, s.status, s.dueAt])).toEqual([
      // 2.5 of 3 days → 3 days, but never after the stage's own due date (Tue 24/11 off → Wed 25)
      ['Thẩm định', 'P.DD', 'pending', vn('2026-11-25T17:00:00').toISOString()],
      ['Ký', 'BGD', 'pending', vn('2026-11-25T17:00:00').toISOString()],
    ]);
    expect(byAgency(A).legalDueAt).toEqual(vn('2026-11-25T17:00:00'));
    expect(stageStepsOf(byAgency(B))).toEqual([
      expect.objectContaining({ name: DEFAULT_STAGE_STEP, unitCode: null, share: 2 }),
    ]);
    expect(stageStepsOf(byAgency(B))[0].dueAt).toBe(byAgency(B).legalDueAt!.toISOString());
    expect(stageStepsOf(byAgency(TAX))).toEqual([]);
    // Not started yet: undated.
    expect(stageStepsOf(byAgency(LEAD))[0].dueAt).toBeNull();
  });

  it('accept → first step active; complete → the next; a paused stage’s open steps move by the wait, a restarted one’s from the restart', () => {
    const accepted = acceptStageSteps(stageStepsOf(byAgency(A)), vn('2026-11-19T10:00:00'));
    expect(accepted.map((s) => s.status)).toEqual(['active', 'pending']);
    const moved = completeStageStep(accepted, vn('2026-11-20T10:00:00'));
    expect(moved.map((s) => s.status)).toEqual(['completed', 'active']);
    const running: StageState[] = stages.map((s) =>
      s.agencyCode === A
        ? {
            ...s,
            status: 'accepted',
            steps: moved,
            supplementRequestedAt: vn('2026-11-20T11:00:00'),
          }
        : s.agencyCode === B
          ? { ...s, status: 'accepted', steps: acceptStageSteps(stageStepsOf(s), received) }
          : s,
    );
    // Asked Fri 20 11:00 by A, complete Mon 23 11:00: 8 office hours waited.
    const after = stagesAfterSupplement(
      running,
      vn('2026-11-20T11:00:00'),
      vn('2026-11-23T11:00:00'),
      LIMIT,
    );
    const a = after.find((s) => s.agencyCode === A)!;
    const b = after.find((s) => s.agencyCode === B)!;
    expect(a.clock).toBe('restarted');
    const aSteps = a.steps;
    expect(aSteps[0]).toEqual(moved[0]); // completed: untouched
    expect(aSteps[1].dueAt).toBe(a.legalDueAt.toISOString());
    expect(b.clock).toBe('paused');
    expect(b.steps[0].dueAt).toBe(b.legalDueAt.toISOString());
  });
});

describe('who moves a stage’s steps (action-rules.ts, stage-authority.rules.ts)', () => {
  const now = vn('2026-11-19T10:00:00');
  const who = (role: Principal['roles'][number], agency: string, unit: string): Principal => ({
    subject: `${role}-${agency}-${unit}`,
    roles: [role],
    agency,
    unit,
  });
  function dossier(steps: StageStep[]): ActionDossier {
    const [a] = initialStages(chain, vn('2026-11-19T09:00:00'), LIMIT);
    return {
      status: 'processing',
      receivedAt: vn('2026-11-19T09:00:00'),
      dueAt: vn('2026-11-27T17:00:00'),
      extensionCount: 0,
      createdBy: 'desk',
      currentStepOrder: 1,
      steps: [{ order: 1, status: 'active', unitCode: 'VP.MC' }],
      agencyCode: LEAD,
      stages: [
        { ...a, status: 'accepted', steps },
        ...initialStages(chain, vn('2026-11-19T09:00:00'), LIMIT).slice(1),
      ],
    };
  }
  const first = acceptStageSteps(
    stageStepsOf(initialStages(chain, vn('2026-11-19T09:00:00'), LIMIT)[0]),
    now,
  );
  const last = completeStageStep(first, now);

  it('the specialist of the step’s unit completes it; another unit’s specialist gets 403 unit-scope; the agency’s leader may', () => {
    const d = dossier(first);
    expect(allowedActionsOf(d, who('specialist', A, 'P.DD'), now)).toContain('complete-stage-step');
    expect(
      actionRefusal('complete-stage-step', d, who('specialist', A, 'P.KHAC'), now),
    ).toMatchObject({ httpStatus: 403, type: 'unit-scope' });
    expect(actionRefusal('complete-stage-step', d, who('leader', A, 'BGD'), now)).toBeNull();
    // Another agency of the chain: not its stage, 409 naming the rule.
    expect(actionRefusal('complete-stage-step', d, who('leader', B, 'BGD'), now)).toMatchObject({
      httpStatus: 409,
      type: 'stage-not-held',
      errors: [expect.objectContaining({ rule: 'stage-holder-only' })],
    });
  });

  it('hand-back waits for the last step (409 stage-steps-completed), then is for the last step’s unit', () => {
    const early = actionRefusal('hand-back', dossier(first), who('leader', A, 'BGD'), now);
    expect(early).toMatchObject({
      httpStatus: 409,
      detail: expect.stringContaining('stage-steps-completed'),
    });
    const d = dossier(last);
    expect(actionRefusal('complete-stage-step', d, who('leader', A, 'BGD'), now)).toMatchObject({
      httpStatus: 409,
      detail: expect.stringContaining('stage-step-next'),
    });
    expect(actionRefusal('hand-back', d, who('specialist', A, 'BGD'), now)).toBeNull();
    expect(actionRefusal('hand-back', d, who('specialist', A, 'P.DD'), now)).toMatchObject({
      httpStatus: 403,
      type: 'unit-scope',
    });
  });
});
