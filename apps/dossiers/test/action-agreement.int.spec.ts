import { randomUUID } from 'node:crypto';
import type { Role } from '@motcua/auth';
import { addWorkingDays } from '@motcua/calendar';
import {
  DossiersHarness,
  intakeBody,
  testProcedure,
  type TestProcedure,
} from './support/dossiers-harness';

const ACTIONS = [
  'assign',
  'complete-step',
  'request-supplement',
  'supplement-received',
  'extend',
  'refuse',
  'mark-processed',
  'return-result',
  'withdraw',
  'stop',
  'stop-at-request',
] as const;
type Action = (typeof ACTIONS)[number];

/** Who runs each action in this test, with the unit they act from. */
const ACTOR: Record<Action, { role: Role; unit: string }> = {
  assign: { role: 'leader', unit: 'P.QLG' },
  'complete-step': { role: 'leader', unit: 'P.QLG' },
  'request-supplement': { role: 'leader', unit: 'P.QLG' },
  'supplement-received': { role: 'desk_officer', unit: 'VP.MC' },
  extend: { role: 'leader', unit: 'P.QLG' },
  refuse: { role: 'leader', unit: 'P.QLG' },
  'mark-processed': { role: 'leader', unit: 'P.QLG' },
  'return-result': { role: 'desk_officer', unit: 'VP.MC' },
  withdraw: { role: 'desk_officer', unit: 'VP.MC' },
  stop: { role: 'leader', unit: 'P.QLG' },
  'stop-at-request': { role: 'desk_officer', unit: 'VP.MC' },
};

/** A valid body for each action on a dossier whose promised date is `appointmentDate`. */
function bodyOf(action: Action, appointmentDate: string | null): unknown {
  switch (action) {
    case 'assign':
      return { officerId: randomUUID() };
    case 'complete-step':
      return {};
    case 'request-supplement':
      return { missing: [{ documentCode: 'VBTD', description: 'Văn bản thẩm định' }] };
    case 'supplement-received':
      return { documents: [{ code: 'VBTD' }] };
    case 'extend':
      return {
        newDueDate: addWorkingDays(appointmentDate ?? '2026-01-05', 3),
        reason: 'Cần xác minh thực địa',
      };
    case 'refuse':
      return { reasons: ['Không đủ điều kiện'] };
    case 'mark-processed':
      return {};
    case 'return-result':
      return { method: 'desk' };
    case 'withdraw':
      return {};
    case 'stop':
      return { reason: 'Quá thời hạn bổ sung hồ sơ' };
    case 'stop-at-request':
      return { requestChannel: 'in_person' };
  }
}

const DAY = 86_400_000;

/**
 * Every action × state × timing: what GET /dossiers/:id offers in allowedActions is exactly what
 * executing the action accepts (200), and a refused action answers a 4xx carrying the same list.
 */
describe('allowedActions agrees with what the action answers', () => {
  const h = new DossiersHarness();
  let current: TestProcedure;
  let old: TestProcedure;

  beforeAll(async () => {
    await h.start(4309);
    current = await h.addProcedure(testProcedure());
    // Same agency as `current`: the officers' tokens carry the agency of the last procedure added.
    old = await h.addProcedure(
      testProcedure({
        agencyCode: current.agencyCode,
        decision: {
          number: '3/QĐ-UBND',
          kind: 'new',
          signedOn: '2025-01-02',
          effectiveFrom: '2025-01-02',
        },
      }),
    );
  });
  afterAll(() => h.stop());

  const ok = async (id: string, action: Action, body: unknown) => {
    const answer = await h.action(id, action, body, ACTOR[action].role, ACTOR[action].unit);
    if (answer.status !== 200)
      throw new Error(`fixture ${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const intake = async (procedure: TestProcedure, receivedAt?: string) => {
    const answer = receivedAt
      ? await h.intake(intakeBody(procedure, { receivedAt }), { role: 'admin' })
      : await h.intake(intakeBody(procedure));
    if (answer.status !== 201 && answer.status !== 200)
      throw new Error(`intake: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.dossier.id as string;
  };
  const processing = async (procedure = current, receivedAt?: string) => {
    const id = await intake(procedure, receivedAt);
    await ok(id, 'assign', bodyOf('assign', null));
    return id;
  };

  /** State (and timing) → a fresh dossier in it. */
  const FIXTURES: Record<string, () => Promise<string>> = {
    received: () => intake(current),
    processing: () => processing(),
    'processing, second step': async () => {
      const id = await processing();
      await ok(id, 'complete-step', {});
      return id;
    },
    supplement_requested: async () => {
      const id = await processing();
      await ok(id, 'request-supplement', {
        missing: [{ documentCode: 'VBTD', description: 'a' }, { description: 'b' }],
      });
      return id;
    },
    'supplement_requested, partly supplemented': async () => {
      const id = await processing();
      await ok(id, 'request-supplement', {
        missing: [
          { documentCode: 'VBTD', description: 'a' },
          { documentCode: 'PAG', description: 'b' },
        ],
      });
      await ok(id, 'supplement-received', { documents: [{ code: 'PAG' }] });
      return id;
    },
    'processing, extended once': async () => {
      const id = await processing();
      const view = (await h.request('GET', `/dossiers/${id}`, { role: 'leader' })).body;
      await ok(id, 'extend', bodyOf('extend', view.appointmentDate));
      return id;
    },
    processed: async () => {
      const id = await processing();
      await ok(id, 'mark-processed', {});
      return id;
    },
    result_returned: async () => {
      const id = await processing();
      await ok(id, 'mark-processed', {});
      await ok(id, 'return-result', { method: 'desk' });
      return id;
    },
    refused: async () => {
      const id = await processing();
      await ok(id, 'refuse', { reasons: ['x'] });
      return id;
    },
    stopped: async () => {
      const id = await intake(current);
      await ok(id, 'stop', { reason: 'x' });
      return id;
    },
    withdrawn: async () => {
      const id = await intake(current);
      await ok(id, 'withdraw', {});
      return id;
    },
    'received 20 days ago (past the supplement window and the due date)': () =>
      intake(current, new Date(Date.now() - 20 * DAY).toISOString()),
    'processing, received 20 days ago': () =>
      processing(current, new Date(Date.now() - 20 * DAY).toISOString()),
    'processing, received 20/6/2025 (Decree 61 regime)': () =>
      processing(old, '2025-06-20T02:00:00Z'),
  };

  const outcomes: { fixture: string; action: Action; offered: boolean; status: number }[] = [];

  it.each(Object.keys(FIXTURES))('%s', async (fixture) => {
    for (const action of ACTIONS) {
      const id = await FIXTURES[fixture]();
      const { role, unit } = ACTOR[action];
      const view = (await h.request('GET', `/dossiers/${id}`, { role, unit })).body;
      const answer = await h.action(id, action, bodyOf(action, view.appointmentDate), role, unit);
      const offered = (view.allowedActions as string[]).includes(action);
      outcomes.push({ fixture, action, offered, status: answer.status });
      expect({ fixture, action, offered, accepted: answer.status === 200 }).toEqual({
        fixture,
        action,
        offered,
        accepted: offered,
      });
      if (answer.status !== 200) {
        expect([403, 409, 422]).toContain(answer.status);
        expect(answer.contentType).toContain('application/problem+json');
        expect(answer.body.allowedActions).toEqual(view.allowedActions);
      }
    }
  });

  it('covered the cases the rules exist for', () => {
    const status = (fixture: string, action: Action) =>
      outcomes.find((o) => o.fixture === fixture && o.action === action)?.status;
    expect(status('processing', 'extend')).toBe(200);
    expect(status('processing, extended once', 'extend')).toBe(422); // at most once
    expect(status('processing', 'request-supplement')).toBe(200);
    expect(status('processing, received 20 days ago', 'request-supplement')).toBe(422); // 3-working-day window
    expect(status('processing, received 20 days ago', 'extend')).toBe(422); // notice before due
    expect(status('processing, second step', 'complete-step')).toBe(200);
    expect(status('processing', 'stop-at-request')).toBe(200);
    expect(status('processed', 'stop-at-request')).toBe(409); // a decision exists
    expect(status('processing, received 20/6/2025 (Decree 61 regime)', 'stop-at-request')).toBe(
      422,
    );
    expect(status('supplement_requested, partly supplemented', 'supplement-received')).toBe(200);
    expect(outcomes).toHaveLength(Object.keys(FIXTURES).length * ACTIONS.length);
  });
});
