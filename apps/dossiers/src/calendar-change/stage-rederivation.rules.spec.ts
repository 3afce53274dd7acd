import type { TimeLimit } from '@motcua/calendar';
import type { StageState } from '../stages/stage.rules';
import { rederiveStages } from './stage-rederivation.rules';

const vn = (local: string) => new Date(`${local}+07:00`);
const LIMIT: TimeLimit = { value: 5, unit: 'working_days' };
/** Stage 1 (share 2) of a dossier received Fri 20/11/2026 09:00, dated before 24/11 was a day off. */
const stage = (overrides: Partial<StageState> = {}): StageState => ({
  order: 1,
  agencyCode: '000.00.12.H26',
  external: false,
  share: 2,
  status: 'accepted',
  startedAt: vn('2026-11-20T09:00:00'),
  clockStartedAt: vn('2026-11-20T09:00:00'),
  clockPauses: [],
  legalDueAt: vn('2026-11-24T17:00:00'),
  suspendedHours: 0,
  steps: [
    {
      order: 1,
      name: 'Xử lý',
      unitCode: null,
      unitName: null,
      share: 2,
      status: 'active',
      dueAt: vn('2026-11-24T17:00:00').toISOString(),
      assigneeId: null,
      startedAt: null,
      completedAt: null,
    },
  ],
  ...overrides,
});

describe('re-deriving running stages after a calendar change (Culture Day, Tue 24/11/2026, off)', () => {
  it('moves a running stage from Tue 24/11 to Wed 25/11 with its open step', () => {
    expect(rederiveStages([stage()], LIMIT)).toEqual([
      {
        order: 1,
        agencyCode: '000.00.12.H26',
        clockStartedAt: vn('2026-11-20T09:00:00'),
        previousDueAt: vn('2026-11-24T17:00:00'),
        dueAt: vn('2026-11-25T17:00:00'),
        steps: [expect.objectContaining({ dueAt: vn('2026-11-25T17:00:00').toISOString() })],
      },
    ]);
  });

  it('a paused stage: from its clock start, moved by the office hours of each wait (Wed 25/11 10:00 → Thu 26/11 10:00: 8 h)', () => {
    const paused = stage({
      legalDueAt: vn('2026-11-25T17:00:00'), // the old calendar's 24/11 + 8 h
      clockPauses: [
        {
          from: vn('2026-11-25T10:00:00').toISOString(),
          to: vn('2026-11-26T10:00:00').toISOString(),
        },
      ],
    });
    const [moved] = rederiveStages([paused], LIMIT);
    expect(moved.dueAt).toEqual(vn('2026-11-26T17:00:00'));
  });

  it('leaves alone a stage handed back, not started, of unknown clock start, or already right', () => {
    expect(
      rederiveStages(
        [
          stage({ status: 'handed_back' }),
          stage({ startedAt: null, clockStartedAt: null, legalDueAt: null }),
          stage({ clockStartedAt: null }),
          stage({ legalDueAt: vn('2026-11-25T17:00:00') }),
        ],
        LIMIT,
      ),
    ).toEqual([]);
  });
});
