import { chainLength, stageWindows, stagesByOrder } from './inter-agency.rules';
import type { InterAgencyChain } from './procedure.events';

const stage = (order: number, agencyCode: string, share: number) => ({
  order,
  agencyCode,
  agencyName: agencyCode,
  external: false,
  share,
  handsOn: [{ kind: 'result' as const, code: 'KQ', name: 'Kết quả' }],
});

/** Sở Tài chính 3, then Sở Xây dựng 8 ‖ Sở Nông nghiệp và Môi trường 10, then Sở Tài chính 7: 20. */
const parallel: InterAgencyChain = {
  direction: 'horizontal',
  stages: [stage(1, 'STC', 3), stage(2, 'SXD', 8), stage(2, 'SNNMT', 10), stage(3, 'STC', 7)],
};

describe('inter-agency chain rules (docs/inter-agency.md)', () => {
  it('groups parallel stages by order, lowest first, whatever the listing order', () => {
    const shuffled = { ...parallel, stages: [...parallel.stages].reverse() };
    expect(stagesByOrder(shuffled).map((stages) => stages.map((s) => s.agencyCode))).toEqual([
      ['STC'],
      ['SNNMT', 'SXD'],
      ['STC'],
    ]);
  });

  it('counts the largest share of each order: 3 + max(8, 10) + 7 = 20', () => {
    expect(chainLength(parallel)).toBe(20);
    expect(
      chainLength({ direction: 'vertical', stages: [stage(1, 'A', 2.5), stage(2, 'B', 0.5)] }),
    ).toBe(3);
  });

  it('places each stage on the clock: parallel stages start together, the next order after the longest', () => {
    expect(
      stageWindows(parallel).map(({ stage: s, index, start, end }) => [
        index,
        s.agencyCode,
        start,
        end,
      ]),
    ).toEqual([
      [0, 'STC', 0, 3],
      [1, 'SXD', 3, 11],
      [2, 'SNNMT', 3, 13],
      [3, 'STC', 13, 20],
    ]);
  });
});
