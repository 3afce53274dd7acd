import { simplificationProposed } from '@motcua/contracts';
import { compareComplianceCosts, complianceCostOf, percentOf } from './compliance-cost';

describe('compliance cost (Circular 02/2017/TT-VPCP Art. 27)', () => {
  it('is the cost of one execution × times per year × subjects per year', () => {
    const cost = complianceCostOf({
      workCostVnd: 150_000,
      feesVnd: 50_000,
      timesPerYear: 2,
      subjectsPerYear: 1_000,
    });
    expect(cost.costPerExecutionVnd).toBe(200_000);
    expect(cost.annualCostVnd).toBe(400_000_000);
  });

  it('reproduces the Hà Nội example: 1,024,000 → 231,000 đồng per dossier, −77.44%, 3,228 subjects a year', () => {
    const result = compareComplianceCosts(
      { workCostVnd: 1_000_000, feesVnd: 24_000, timesPerYear: 1, subjectsPerYear: 3228 },
      { workCostVnd: 207_000, feesVnd: 24_000, timesPerYear: 1, subjectsPerYear: 3228 },
    );
    expect(result.current.costPerExecutionVnd).toBe(1_024_000);
    expect(result.proposed.costPerExecutionVnd).toBe(231_000);
    expect(result.perExecutionSavingVnd).toBe(793_000);
    expect(result.perExecutionSavingPercent).toBe(77.44);
    expect(result.current.annualCostVnd).toBe(3_305_472_000);
    expect(result.proposed.annualCostVnd).toBe(745_668_000);
    expect(result.savingVnd).toBe(2_559_804_000);
    expect(result.savingPercent).toBe(77.44);
  });

  it('gives figures the simplification-proposed contract accepts', () => {
    const result = compareComplianceCosts(
      { workCostVnd: 333_333, feesVnd: 0, timesPerYear: 1.5, subjectsPerYear: 7 },
      { workCostVnd: 111_111, feesVnd: 0, timesPerYear: 1.5, subjectsPerYear: 7 },
    );
    const event = simplificationProposed.schema.safeParse({
      ...simplificationProposed.example,
      complianceCost: {
        current: result.current,
        proposed: result.proposed,
        savingVnd: result.savingVnd,
        savingPercent: result.savingPercent,
      },
    });
    expect(event.success).toBe(true);
  });

  it('shows a cost increase as a negative saving', () => {
    const result = compareComplianceCosts(
      { workCostVnd: 100_000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 10 },
      { workCostVnd: 120_000, feesVnd: 0, timesPerYear: 1, subjectsPerYear: 10 },
    );
    expect(result.savingVnd).toBe(-200_000);
    expect(result.savingPercent).toBe(-20);
  });

  it('has no percent of nothing', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33.33);
  });
});
