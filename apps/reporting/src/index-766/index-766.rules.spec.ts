import { FIGURE_NAMES, type FigureName, type FigureValue } from '../figures/figure-catalog';
import { INDEX_766, scoreIndex766 } from './index-766.rules';

function figures(values: Partial<Record<FigureName, [number, number]>>): Record<FigureName, FigureValue> {
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => {
      const v = values[name];
      return [name, v ? { value: v[1] === 0 ? null : v[0] / v[1], numerator: v[0], denominator: v[1], sampleSize: v[1], lastEventAt: '2026-11-29T01:00:00.000Z' } : { value: null, sampleSize: 0, lastEventAt: null }];
    }),
  ) as Record<FigureName, FigureValue>;
}

describe('scoreIndex766', () => {
  it('weights the groups as Decision 766 does (100 points in all)', () => {
    const weights = Object.fromEntries(INDEX_766.map((g) => [g.code, g.rules.reduce((s, r) => s + r.maxPoints, 0)]));
    expect(weights).toEqual({ transparency: 18, progress: 20, online_service: 12, online_payment: 10, satisfaction: 18, digitization: 22 });
  });

  it('scores each criterion from its inputs and shows missing inputs as such', () => {
    const index = scoreIndex766(figures({ on_time_rate: [88, 100], online_share: [98, 100], digitization_rate: [1, 2] }));
    const progress = index.groups.find((g) => g.code === 'progress')!;
    expect(progress.points).toBe(17.6);
    expect(progress.criteria[0]).toMatchObject({ status: 'computed', numerator: 88, denominator: 100 });
    const transparency = index.groups.find((g) => g.code === 'transparency')!;
    expect(transparency.criteria.every((c) => c.status === 'not_available' && c.points === null)).toBe(true);
    const payment = index.groups.find((g) => g.code === 'online_payment')!;
    expect(payment.criteria[0].status).toBe('no_data');
    expect(index.score).toBe(17.6 + 11.76 + 2);
    expect(index.computableMaxPoints).toBe(20 + 12 + 4);
    expect(index.scoreOfComputable).toBe(Math.round(((17.6 + 11.76 + 2) / 36) * 10000) / 100);
  });
});
